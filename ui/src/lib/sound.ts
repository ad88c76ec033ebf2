// The till's two sounds, made on the spot (no audio files): a high short
// chirp for a card read, a low double buzz for a card refused.
let context: AudioContext | undefined;

function tone(frequency: number, start: number, length: number, type: OscillatorType): void {
  context ??= new AudioContext();
  const osc = context.createOscillator();
  const gain = context.createGain();
  osc.type = type;
  osc.frequency.value = frequency;
  gain.gain.setValueAtTime(0.15, context.currentTime + start);
  gain.gain.exponentialRampToValueAtTime(0.001, context.currentTime + start + length);
  osc.connect(gain).connect(context.destination);
  osc.start(context.currentTime + start);
  osc.stop(context.currentTime + start + length);
}

export function soundRead(): void {
  try {
    tone(1320, 0, 0.09, "sine");
  } catch {
    // No audio device: the flash still shows the read.
  }
}

export function soundRefused(): void {
  try {
    tone(220, 0, 0.14, "square");
    tone(180, 0.18, 0.2, "square");
  } catch {
    // No audio device: the reason in words still shows.
  }
}
