/** A body's JSON, or undefined when it is not JSON (or empty). */
export const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};
