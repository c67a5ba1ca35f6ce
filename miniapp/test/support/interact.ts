import { fireEvent, waitFor } from '@testing-library/react';

/**
 * Types into a Taro `<Input>`, found by its class. On H5 that is a taro-input-core custom element which renders
 * its real `<input>` a moment after mounting, so this waits for it.
 */
export async function typeInto(container: HTMLElement, selector: string, value: string): Promise<void> {
  const input = await waitFor(() => {
    const found = container.querySelector<HTMLInputElement>(`${selector} input`);
    if (!found) throw new Error(`no input under ${selector}`);
    return found;
  });
  input.value = value;
  fireEvent.input(input, { target: { value } });
}

/** Every element matching `selector`, once there is at least one (a page's data arrives a moment after render). */
export async function findAll(container: HTMLElement, selector: string): Promise<HTMLElement[]> {
  return waitFor(() => {
    const nodes = [...container.querySelectorAll<HTMLElement>(selector)];
    if (nodes.length === 0) throw new Error(`nothing matches ${selector}`);
    return nodes;
  });
}

/** The first element matching `selector`, once it is there. */
export async function findOne(container: HTMLElement, selector: string): Promise<HTMLElement> {
  return (await findAll(container, selector))[0];
}

/** Types into a Taro `<Textarea>`, found by its class (on H5 a taro-textarea-core element around a real `<textarea>`). */
export async function typeIntoArea(container: HTMLElement, selector: string, value: string): Promise<void> {
  const area = await waitFor(() => {
    const found = container.querySelector<HTMLTextAreaElement>(`${selector} textarea`);
    if (!found) throw new Error(`no textarea under ${selector}`);
    return found;
  });
  area.value = value;
  fireEvent.input(area, { target: { value } });
}
