// One colour per service name, the same in every view and every trace: a hue from the name's hash.
export function serviceHue(service: string): number {
  let hash = 0;
  for (let i = 0; i < service.length; i++) hash = (hash * 31 + service.charCodeAt(i)) >>> 0;
  return (hash * 137) % 360;
}
