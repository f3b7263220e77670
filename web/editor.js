// The playground's code editor: CodeMirror 6 with Python and SQLite highlighting, line numbers,
// the error's line and column marked, Ctrl/Cmd+Enter to run. scripts/bundle.mjs bundles this
// module with CodeMirror into web/bundle/editor.js (the page loads it once the engine is ready);
// until then, or if it cannot load, the page keeps its plain <textarea> (see main.js).
import { closeBrackets, closeBracketsKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { python } from '@codemirror/lang-python';
import { SQLite, sql } from '@codemirror/lang-sql';
import { bracketMatching, indentOnInput, indentUnit, syntaxHighlighting } from '@codemirror/language';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import { Compartment, EditorSelection, EditorState, Prec, RangeSet, StateEffect, StateField } from '@codemirror/state';
import {
  Decoration,
  EditorView,
  GutterMarker,
  drawSelection,
  gutterLineClass,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { classHighlighter } from '@lezer/highlight';

/** Sets (or clears, with null) the error's place: `{line, column}`, both 1-based. */
const setError = StateEffect.define();

class ErrorLine extends GutterMarker {
  elementClass = 'error-line';
}
const errorLineMarker = new ErrorLine();

/** The error's place as decorations: the line, its number, and a mark from the column on. */
const errorField = StateField.define({
  create: () => ({ marks: Decoration.none, gutter: RangeSet.empty }),
  update(value, tr) {
    for (const effect of tr.effects) {
      if (effect.is(setError)) return errorDecorations(tr.state, effect.value);
    }
    // Any edit means the error no longer describes this text.
    return tr.docChanged ? { marks: Decoration.none, gutter: RangeSet.empty } : value;
  },
  provide: (field) => [
    EditorView.decorations.from(field, (v) => v.marks),
    gutterLineClass.from(field, (v) => v.gutter),
  ],
});

function errorDecorations(state, at) {
  if (!at || !(at.line >= 1) || at.line > state.doc.lines) return { marks: Decoration.none, gutter: RangeSet.empty };
  const line = state.doc.line(at.line);
  const from = Math.min(line.from + Math.max((at.column ?? 1) - 1, 0), line.to);
  const ranges = [Decoration.line({ class: 'cm-error-line' }).range(line.from)];
  // A mark needs at least one character; at the end of a line, mark the last one.
  const start = from < line.to ? from : Math.max(line.from, line.to - 1);
  if (start < line.to) ranges.push(Decoration.mark({ class: 'cm-error-mark' }).range(start, line.to));
  return { marks: Decoration.set(ranges, true), gutter: RangeSet.of([errorLineMarker.range(line.from)]) };
}

/** Colours come from the page's CSS variables, so light, dark and "system" all follow. */
const pageTheme = EditorView.theme({
  '&': { color: 'var(--text)', backgroundColor: 'var(--code-bg)', height: '100%', fontSize: '14px' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.55' },
  '.cm-content': { caretColor: 'var(--text)', padding: '0.6rem 0' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--text)' },
  '.cm-gutters': { backgroundColor: 'var(--code-bg)', color: 'var(--muted)', borderRight: '1px solid var(--border)' },
  '.cm-lineNumbers .cm-gutterElement': { minWidth: '2.25rem', padding: '0 0.5rem 0 0.25rem' },
  '.cm-activeLine': { backgroundColor: 'var(--active-line)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--active-line)', color: 'var(--text)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': {
    backgroundColor: 'var(--selection)',
  },
  '&.cm-focused': { outline: '2px solid var(--accent)', outlineOffset: '-2px' },
  '.cm-error-line': { backgroundColor: 'var(--error-bg)' },
  '.cm-gutterElement.error-line': { color: 'var(--error)', fontWeight: '700', backgroundColor: 'var(--error-bg)' },
  '.cm-error-mark': { textDecoration: 'underline wavy var(--error)', textUnderlineOffset: '3px' },
  '.cm-panels': { backgroundColor: 'var(--panel)', color: 'var(--text)' },
  // Syntax colours for the class highlighter's tok-* classes, light and dark.
  '.tok-keyword, .tok-controlKeyword, .tok-operatorKeyword': { color: 'light-dark(#8a2fb8, #d29bfd)' },
  '.tok-string, .tok-string2': { color: 'light-dark(#0a7a3e, #8fd694)' },
  '.tok-number, .tok-bool, .tok-atom': { color: 'var(--number)' },
  '.tok-comment': { color: 'var(--muted)', fontStyle: 'italic' },
  '.tok-variableName.tok-definition, .tok-function': { color: 'light-dark(#1f5fbf, #7cb2ff)' },
  '.tok-className, .tok-typeName': { color: 'light-dark(#a3550a, #f2b36d)' },
  '.tok-propertyName': { color: 'light-dark(#1d4f91, #9cc4ff)' },
  '.tok-invalid': { color: 'var(--error)' },
});

const LANGUAGES = { python: () => python(), sql: () => sql({ dialect: SQLite }) };

/**
 * Creates the editor in a shadow root inside `parent` (there CodeMirror's styles are constructed
 * stylesheets, which the page's CSP allows; in the document they would be inline <style>) and
 * returns its small API: `value` (get/set), `setLanguage`,
 * `setReadOnly`, `markError`, `selectLine`, `selectedText`, `focus`.
 * `onChange(text)` follows every edit; `onRun({compare})` is Ctrl/Cmd(+Shift)+Enter.
 */
export function createEditor(
  parent,
  { value = '', language = 'python', label, onChange, onRun, selection = null, scrollTop = 0 } = {},
) {
  const languageSlot = new Compartment();
  const readOnlySlot = new Compartment();
  /** Programmatic replacements (a tab switch) are not the user's edits. */
  let quiet = false;
  const runKeys = Prec.highest(
    keymap.of([
      { key: 'Mod-Enter', run: () => (onRun?.({ compare: false }), true) },
      { key: 'Mod-Shift-Enter', run: () => (onRun?.({ compare: true }), true) },
    ]),
  );
  const host = document.createElement('div');
  host.className = 'editor-host';
  parent.append(host);
  const root = host.attachShadow({ mode: 'open' });
  const view = new EditorView({
    parent: root,
    root,
    state: EditorState.create({
      doc: value,
      // Where the caret (or selection) was in the textarea this editor replaces.
      selection: selection
        ? EditorSelection.single(Math.min(selection.anchor, value.length), Math.min(selection.head, value.length))
        : undefined,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightSpecialChars(),
        history(),
        drawSelection(),
        indentOnInput(),
        indentUnit.of('    '),
        EditorState.tabSize.of(4),
        bracketMatching(),
        closeBrackets(),
        highlightActiveLine(),
        highlightSelectionMatches(),
        syntaxHighlighting(classHighlighter),
        runKeys,
        // Tab indents; Escape then Tab leaves the editor (CodeMirror's keyboard escape hatch).
        keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...searchKeymap, ...historyKeymap, indentWithTab]),
        languageSlot.of(LANGUAGES[language]()),
        readOnlySlot.of([]),
        errorField,
        pageTheme,
        EditorView.contentAttributes.of({
          'aria-label': label ?? 'Code',
          'aria-describedby': 'editor-help',
          autocapitalize: 'off',
          autocorrect: 'off',
          spellcheck: 'false',
        }),
        // Typing over a selection: replace it here rather than let the browser edit the DOM,
        // which would carry the selection's colour over as an inline style the CSP refuses.
        EditorView.domEventHandlers({
          beforeinput(event, editorView) {
            if (event.inputType !== 'insertText' || event.data === null || editorView.state.selection.main.empty) {
              return false;
            }
            event.preventDefault();
            const { state } = editorView;
            const { from, to } = state.selection.main;
            const insert = () => state.update(state.replaceSelection(event.data), { userEvent: 'input.type' });
            // Input handlers first (closeBrackets wraps a selection in the typed bracket).
            if (!state.facet(EditorView.inputHandler).some((h) => h(editorView, from, to, event.data, insert))) {
              editorView.dispatch(insert());
            }
            return true;
          },
        }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged && !quiet) onChange?.(update.state.doc.toString());
        }),
      ],
    }),
  });
  const api = {
    view,
    get value() {
      return view.state.doc.toString();
    },
    set value(text) {
      if (text === view.state.doc.toString()) return;
      quiet = true;
      try {
        view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, selection: { anchor: 0 } });
      } finally {
        quiet = false;
      }
      view.scrollDOM.scrollTop = 0;
    },
    setLanguage(name) {
      view.dispatch({ effects: languageSlot.reconfigure((LANGUAGES[name] ?? LANGUAGES.python)()) });
    },
    setReadOnly(readOnly) {
      view.dispatch({
        effects: readOnlySlot.reconfigure(
          readOnly ? [EditorState.readOnly.of(true), EditorView.editable.of(false)] : [],
        ),
      });
    },
    markError(at) {
      view.dispatch({ effects: setError.of(at ?? null) });
    },
    /** Selects a 1-based line and scrolls it into view, so an error or a statement is found. */
    selectLine(line) {
      if (!(line >= 1) || line > view.state.doc.lines) return;
      const { from, to } = view.state.doc.line(line);
      view.dispatch({
        selection: EditorSelection.single(from, to),
        effects: EditorView.scrollIntoView(from, { y: 'center' }),
      });
      view.focus();
    },
    get selectedText() {
      const { from, to } = view.state.selection.main;
      return view.state.sliceDoc(from, to);
    },
    focus() {
      view.focus();
    },
  };
  if (scrollTop) view.scrollDOM.scrollTop = scrollTop;
  // The page's tests and devtools reach the editor through its element.
  parent.sessionlabEditor = api;
  return api;
}
