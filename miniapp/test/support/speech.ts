/**
 * A stand-in for the browser's speech synthesis (jsdom has none), so 朗读 is offered as in a browser that can speak:
 * what was spoken, and the synthesis to check `cancel` on. Remove it after each test (`afterEach(removeSpeech)`):
 * without it, the platform cannot speak and no 朗读 button is drawn.
 */
export interface SpokenUtterance {
  text: string;
  lang: string;
  onend: (() => void) | null;
}

export function installSpeech() {
  const spoken: SpokenUtterance[] = [];
  const synthesis = { speak: jest.fn((utterance: SpokenUtterance) => spoken.push(utterance)), cancel: jest.fn() };
  class Utterance {
    lang = '';
    rate = 1;
    onend: (() => void) | null = null;
    onerror: (() => void) | null = null;
    constructor(public text: string) {}
  }
  Object.assign(window, { speechSynthesis: synthesis, SpeechSynthesisUtterance: Utterance });
  Object.assign(globalThis, { SpeechSynthesisUtterance: Utterance });
  return { spoken, synthesis };
}

export function removeSpeech() {
  delete (window as { speechSynthesis?: unknown }).speechSynthesis;
  delete (globalThis as { SpeechSynthesisUtterance?: unknown }).SpeechSynthesisUtterance;
}
