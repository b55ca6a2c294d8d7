/** A short tone: high for an accepted scan, low for a refused one (no audio files to load). */
export function scanFeedback(ok: boolean): void {
  try {
    const AudioContextClass = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!AudioContextClass) return;
    const audio = new AudioContextClass();
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = ok ? 1320 : 220;
    gain.gain.value = 0.08;
    tone.connect(gain).connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + (ok ? 0.09 : 0.3));
    tone.onended = () => void audio.close();
  } catch {
    // Sound is a courtesy; colour says the same.
  }
}
