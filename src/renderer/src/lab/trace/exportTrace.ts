/** PNG pixels per SVG unit for an exported sequence diagram. */
const PNG_SCALE = 2;
/** Largest PNG side, as for design exports. */
const MAX_SIDE = 4000;

/** Draws an SVG (a data URL of `width` × `height` units) onto a canvas and returns it as a PNG data URL. */
export async function svgToPng(svgUrl: string, width: number, height: number): Promise<string> {
  const image = new Image();
  image.src = svgUrl;
  await image.decode();
  const scale = Math.min(PNG_SCALE, MAX_SIDE / width, MAX_SIDE / height);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw images.');
  ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/png');
}
