/**
 * The scenario's background noise (src/shared/noise.ts): GC-like pauses per node kind, one row per
 * kind of the node table, latency tails on links and lost connection openings (which health probes
 * pay). The fields come from the noise schemas' shapes; their words are Record<field, string> in
 * locales.ts, so a new field does not compile without them.
 */
import type { Draft } from 'immer';
import { useTranslation } from 'react-i18next';
import { NODE_KINDS, type NodeKind } from '../../../shared/graph';
import { HandshakeLossSchema, LinkTailSchema, PauseNoiseSchema, type HandshakeLoss, type LinkTail, type PauseNoise } from '../../../shared/noise';
import type { Scenario } from '../../../shared/scenario';
import { useDomain } from '../i18n/useDomain';

const PAUSE_FIELDS = Object.keys(PauseNoiseSchema.shape) as (keyof PauseNoise)[];
const TAIL_FIELDS = Object.keys(LinkTailSchema.shape) as (keyof LinkTail)[];
const HANDSHAKE_FIELDS = Object.keys(HandshakeLossSchema.shape) as (keyof HandshakeLoss)[];
/** What turning a row on starts from: rare short pauses, rare short tails, rare lost openings retried after TCP's 1 s (the author tunes them). */
const PAUSE_START: PauseNoise = { perMinute: 2, durationMsMean: 100, durationMsMax: 1000 };
const TAIL_START: LinkTail = { probability: 0.01, extraMsMean: 50, extraMsMax: 500 };
const HANDSHAKE_START: HandshakeLoss = { probability: 0.01, retryMs: 1000 };

type Noise = NonNullable<Scenario['noise']>;
const numberInput = (value: number, step: number, onChange: (v: number) => void) => <input type="number" min={0} step={step} value={value} onChange={(e) => onChange(Math.max(0, Number(e.target.value)))} />;
/** Drops the noise object once nothing in it is on, so a scenario without noise stays without it. */
const tidy = (s: Draft<Scenario>) => {
  if (s.noise && Object.keys(s.noise.pauses ?? {}).length === 0 && !s.noise.linkTails && !s.noise.handshakeLoss) s.noise = undefined;
};

export function NoiseSection({ noise, editScenario }: { noise: Scenario['noise']; editScenario(recipe: (s: Draft<Scenario>) => void): void }) {
  const { t } = useTranslation('studio');
  const d = useDomain();
  const linkTails = noise?.linkTails;
  const handshakeLoss = noise?.handshakeLoss;
  const ensure = (s: Draft<Scenario>): Draft<Noise> => (s.noise ??= { pauses: {} });
  const togglePauses = (kind: NodeKind, isOn: boolean) =>
    editScenario((s) => {
      const n = ensure(s);
      n.pauses ??= {};
      if (isOn) n.pauses[kind] = { ...PAUSE_START };
      else delete n.pauses[kind];
      tidy(s);
    });
  /** Turns one link-wide setting on (with its starting values) or off. */
  const toggle = <K extends 'linkTails' | 'handshakeLoss'>(key: K, start: Noise[K] | undefined) =>
    editScenario((s) => {
      if (start !== undefined) ensure(s)[key] = start as Draft<Noise>[K];
      else if (s.noise) delete s.noise[key];
      tidy(s);
    });
  return (
    <section data-testid="studio-noise">
      <h4>{t('noise')}</h4>
      <p className="sl-muted">{t('pausesHelp')}</p>
      <ul className="sl-studio-checks">
        {NODE_KINDS.map((kind) => {
          const pause = noise?.pauses?.[kind];
          return (
            <li key={kind} data-pause-kind={kind}>
              <label className="sl-studio-inline">
                <input type="checkbox" checked={pause !== undefined} onChange={(e) => togglePauses(kind, e.target.checked)} /> {t('pausesOn', { kind: d.kind(kind) })}
              </label>
              {pause && (
                <div className="sl-studio-row">
                  {PAUSE_FIELDS.map((key) => (
                    <label key={key} className="sl-studio-inline">
                      {t(`pauseFields.${key}`)} {numberInput(pause[key], key === 'perMinute' ? 0.1 : 10, (v) => editScenario((s) => void (ensure(s).pauses![kind]![key] = v)))}
                    </label>
                  ))}
                </div>
              )}
            </li>
          );
        })}
      </ul>
      <NoiseSetting
        label={t('linkTails')}
        value={linkTails}
        fields={TAIL_FIELDS.map((key) => ({ key, label: t(`noiseFields.${key}`), step: key === 'probability' ? 0.01 : 1 }))}
        onToggle={(isOn) => toggle('linkTails', isOn ? { ...TAIL_START } : undefined)}
        onField={(key, v) => editScenario((s) => void (ensure(s).linkTails![key] = v))}
      />
      <NoiseSetting
        testId="handshakeLoss"
        label={t('handshakeLoss')}
        help={t('handshakeHelp')}
        value={handshakeLoss}
        fields={HANDSHAKE_FIELDS.map((key) => ({ key, label: t(`handshakeFields.${key}`), step: key === 'probability' ? 0.005 : 100 }))}
        onToggle={(isOn) => toggle('handshakeLoss', isOn ? { ...HANDSHAKE_START } : undefined)}
        onField={(key, v) => editScenario((s) => void (ensure(s).handshakeLoss![key] = v))}
      />
    </section>
  );
}

/** One link-wide noise setting: a checkbox, an optional line of help, and its fields while it is on. */
function NoiseSetting<T extends Record<string, number>>(p: {
  testId?: string;
  label: string;
  help?: string;
  value: T | undefined;
  fields: { key: keyof T & string; label: string; step: number }[];
  onToggle(isOn: boolean): void;
  onField(key: keyof T & string, v: number): void;
}) {
  return (
    <div data-noise={p.testId}>
      <label className="sl-studio-inline">
        <input type="checkbox" checked={p.value !== undefined} onChange={(e) => p.onToggle(e.target.checked)} /> {p.label}
      </label>
      {p.help && <p className="sl-muted">{p.help}</p>}
      {p.value && (
        <div className="sl-studio-row">
          {p.fields.map((f) => (
            <label key={f.key} className="sl-studio-inline">
              {f.label} {numberInput(p.value![f.key]!, f.step, (v) => p.onField(f.key, v))}
            </label>
          ))}
        </div>
      )}
    </div>
  );
}
