/**
 * What the dealer hears and feels when a code is read: a short beep (WebAudio)
 * and a vibration where the phone has one. Browsers start audio only after a
 * tap, so `unlockSound` runs on the page's first buttons.
 */

let audio: AudioContext | null = null;

export function unlockSound(): void {
  if (typeof window === "undefined" || !("AudioContext" in window)) return;
  try {
    audio ??= new AudioContext();
    if (audio.state === "suspended") void audio.resume();
  } catch {
    audio = null;
  }
}

const TONES = { added: [1_320, 0.09], found: [880, 0.08], unknown: [330, 0.2] } as const;
const VIBRATION = { added: [60], found: [40], unknown: [80, 60, 80] } as const;

export function signalRead(kind: keyof typeof TONES): void {
  try {
    navigator.vibrate?.([...VIBRATION[kind]]);
  } catch {
    // Vibration is a courtesy; some browsers refuse it without a tap.
  }
  if (!audio || audio.state !== "running") return;
  const [frequency, seconds] = TONES[kind];
  const oscillator = audio.createOscillator();
  const gain = audio.createGain();
  oscillator.type = "sine";
  oscillator.frequency.value = frequency;
  gain.gain.setValueAtTime(0.15, audio.currentTime);
  gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + seconds);
  oscillator.connect(gain).connect(audio.destination);
  oscillator.start();
  oscillator.stop(audio.currentTime + seconds);
}
