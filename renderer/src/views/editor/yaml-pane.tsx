import { useId } from 'react';
import { type YamlParse, yamlToDraft } from '../../forms/draft';

/** The YAML side of the editor: every keystroke is parsed; a syntax error is shown with its line. */
export function YamlPane({
  text,
  error,
  onText,
}: {
  text: string;
  error: string | null;
  onText(text: string, parsed: YamlParse): void;
}) {
  const id = useId();
  return (
    <section className="editor-yaml" aria-label="YAML">
      <label htmlFor={id} className="editor-yaml-label">
        Plan YAML
      </label>
      <textarea
        id={id}
        className="code editor-yaml-text"
        spellCheck={false}
        value={text}
        aria-invalid={error !== null}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onText(e.target.value, yamlToDraft(e.target.value))}
      />
      {error && (
        <div id={`${id}-error`} className="field-errors" role="alert">
          YAML syntax: {error}
        </div>
      )}
    </section>
  );
}
