import { Children, isValidElement, memo, useMemo, useRef, type ReactNode } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import { GLOSSARY_BY_ID, GLOSSARY_LINK } from '../../../shared/glossary';
import type { MetricName } from '../../../shared/metrics';
import { useLocale } from '../i18n/LocaleContext';
import { useDomain } from '../i18n/useDomain';
import { metricNamed } from '../lab/chartRequests';

export interface MarkdownProps {
  text: string;
  /** Turns a pack-relative image path into something the CSP allows (a data: URL), or undefined. */
  resolveImage?: (src: string) => string | undefined;
  /** Called for `lesson:<id>` links, the only links a step can follow. */
  onLessonLink?: (lessonId: string) => void;
  /** Called for `glossary:<term id>` links to a term the glossary has. */
  onGlossaryLink?: (termId: string) => void;
  /** When given, an italic metric name (*Dropped connections*) is a button that shows that chart. */
  onMetricLink?: (metric: MetricName) => void;
}

/** The plain text of an element's children ('' when they hold more than text). */
function plainText(children: ReactNode): string {
  return Children.toArray(children)
    .map((c) => (typeof c === 'string' || typeof c === 'number' ? String(c) : isValidElement(c) ? '\u0000' : ''))
    .join('');
}

const LESSON_LINK = /^lesson:([A-Za-z0-9][A-Za-z0-9_.-]*)$/;

/**
 * Lesson text is Markdown from a pack, which may come from anywhere: raw HTML is dropped, links
 * only move between lessons of the pack or open the glossary, and images only come from the pack itself.
 */
function MarkdownView({ text, resolveImage, onLessonLink, onGlossaryLink, onMetricLink }: MarkdownProps) {
  const { t } = useLocale();
  const d = useDomain();
  // The latest handlers, read when an element is clicked or drawn: the components below keep their
  // identity across renders, so a re-render (every frame while a run plays) updates the links in
  // place instead of replacing them, and a click that lands between two frames is not lost.
  const handlers = useRef({ resolveImage, onLessonLink, onGlossaryLink, onMetricLink });
  handlers.current = { resolveImage, onLessonLink, onGlossaryLink, onMetricLink };
  const hasMetricLinks = onMetricLink !== undefined;
  const hasGlossaryLinks = onGlossaryLink !== undefined;
  const hasLessonLinks = onLessonLink !== undefined;
  const components = useMemo<Components>(
    () => ({
      em: ({ children }) => {
        const metric = hasMetricLinks ? metricNamed(plainText(children), d.metric) : undefined;
        if (metric === undefined) return <em>{children}</em>;
        return (
          <button type="button" className="sl-link sl-metric-link" data-metric={metric} title={t('showChartHint')} onClick={() => handlers.current.onMetricLink?.(metric)}>
            <em>{children}</em>
          </button>
        );
      },
      a: ({ href, children }) => {
        const term = href ? GLOSSARY_LINK.exec(href)?.[1] : undefined;
        if (term !== undefined && GLOSSARY_BY_ID.has(term)) {
          if (!hasGlossaryLinks) return <>{children}</>;
          return (
            <button type="button" className="sl-link sl-glossary-link" data-term={term} onClick={() => handlers.current.onGlossaryLink?.(term)}>
              {children}
            </button>
          );
        }
        const lesson = href ? LESSON_LINK.exec(href) : null;
        if (lesson && hasLessonLinks) {
          return (
            <button type="button" className="sl-link" onClick={() => handlers.current.onLessonLink?.(lesson[1]!)}>
              {children}
            </button>
          );
        }
        return (
          <span className="sl-external-link" title={t('externalLink')}>
            {children}
          </span>
        );
      },
      img: ({ src, alt }) => <PackImage src={src} alt={alt} resolve={handlers.current.resolveImage} missing={t('missingImage')} />,
    }),
    [t, d, hasMetricLinks, hasGlossaryLinks, hasLessonLinks],
  );
  return (
    <ReactMarkdown skipHtml components={components} urlTransform={(url) => url}>
      {text}
    </ReactMarkdown>
  );
}

export const Markdown = memo(MarkdownView);

/** An image of the pack, as a data: URL the CSP allows, or its alt text in brackets. */
function PackImage({ src, alt, resolve, missing }: { src: unknown; alt: string | undefined; resolve: MarkdownProps['resolveImage']; missing: string }) {
  const resolved = typeof src === 'string' ? resolve?.(src) : undefined;
  if (!resolved) return <span className="sl-missing-image">[{alt || missing}]</span>;
  return <img src={resolved} alt={alt ?? ''} className="sl-step-image" />;
}

const INLINE: Components = { p: ({ children }) => <>{children}</> };

/**
 * One line of lesson Markdown inside a label or a title (a quiz's question and choices: `ws-2` as
 * code, not with its backticks): no paragraph around it, no links, no images.
 */
export const InlineMarkdown = memo(function InlineMarkdown({ text }: { text: string }) {
  return (
    <ReactMarkdown skipHtml allowedElements={['p', 'code', 'em', 'strong']} unwrapDisallowed components={INLINE}>
      {text}
    </ReactMarkdown>
  );
});
