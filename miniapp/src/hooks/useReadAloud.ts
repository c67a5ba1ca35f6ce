import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * The browser's speech synthesis, where there is one: H5 in a browser that has `window.speechSynthesis` and
 * `SpeechSynthesisUtterance`. WeChat gives a mini program no speech of its own (only a plugin that needs an account
 * of its own), so on weapp there is none and 朗读 is not offered — never a button that does nothing.
 */
function speechSynthesisOf(): SpeechSynthesis | null {
  if (process.env.TARO_ENV === 'weapp') return null;
  if (typeof window === 'undefined' || typeof SpeechSynthesisUtterance !== 'function') return null;
  return window.speechSynthesis ?? null;
}

export interface ReadAloudHandle {
  /** Whether this platform can read aloud at all: without it, there is no 朗读 button. */
  supported: boolean;
  speaking: boolean;
  /** Reads the text aloud, or stops while it is being read. */
  toggle: () => void;
}

/**
 * 朗读: `text` spoken in Mandarin (zh-CN), a little slower than the default, for a resident who reads small print
 * with difficulty. One utterance at a time in the whole app (whatever was being read stops); leaving the screen stops it.
 */
export function useReadAloud(text: string): ReadAloudHandle {
  const [synthesis] = useState(speechSynthesisOf);
  const [speaking, setSpeaking] = useState(false);
  const current = useRef<SpeechSynthesisUtterance | null>(null);

  const stop = useCallback(() => {
    if (!synthesis || !current.current) return;
    current.current = null;
    synthesis.cancel();
  }, [synthesis]);

  useEffect(() => stop, [stop]);
  // A new text (another slot, another dish) is not the one being read: stop it.
  useEffect(() => {
    stop();
    setSpeaking(false);
  }, [text, stop]);

  const toggle = useCallback(() => {
    if (!synthesis) return;
    if (current.current) {
      stop();
      setSpeaking(false);
      return;
    }
    synthesis.cancel();
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = 'zh-CN';
    utterance.rate = 0.9;
    const ended = () => {
      if (current.current !== utterance) return;
      current.current = null;
      setSpeaking(false);
    };
    utterance.onend = ended;
    utterance.onerror = ended;
    current.current = utterance;
    setSpeaking(true);
    synthesis.speak(utterance);
  }, [synthesis, text, stop]);

  return { supported: synthesis !== null, speaking, toggle };
}
