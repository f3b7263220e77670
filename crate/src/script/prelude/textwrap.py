# textwrap, in the Python subset SessionLab runs: CPython's TextWrapper algorithm, its word
# splitting (hyphenated words break after the hyphen) written without regular expressions.
def _expandtabs(text, tabsize):
    out = []
    col = 0
    for ch in text:
        if ch == "\t":
            n = tabsize - col % tabsize if tabsize > 0 else 0
            out.append(" " * n)
            col += n
        else:
            out.append(ch)
            col = 0 if ch in "\n\r" else col + 1
    return "".join(out)
def _split_word(w):
    parts = []
    start = 0
    for i in range(2, len(w) - 1):
        if w[i] == "-" and w[i - 1].isalpha() and w[i + 1].isalpha() and (w[i - 2].isalpha() or (i >= 3 and w[i - 2] == "-" and w[i - 3].isalpha())):
            parts.append(w[start:i + 1])
            start = i + 1
    parts.append(w[start:])
    return parts
class TextWrapper:
    def __init__(self, width=70, initial_indent="", subsequent_indent="", expand_tabs=True, replace_whitespace=True, fix_sentence_endings=False, break_long_words=True, drop_whitespace=True, break_on_hyphens=True, tabsize=8, *, max_lines=None, placeholder=" [...]"):
        self.width, self.initial_indent, self.subsequent_indent = width, initial_indent, subsequent_indent
        self.expand_tabs, self.replace_whitespace = expand_tabs, replace_whitespace
        self.fix_sentence_endings, self.break_long_words = fix_sentence_endings, break_long_words
        self.drop_whitespace, self.break_on_hyphens, self.tabsize = drop_whitespace, break_on_hyphens, tabsize
        self.max_lines, self.placeholder = max_lines, placeholder
    def _munge_whitespace(self, text):
        if self.expand_tabs:
            text = _expandtabs(text, self.tabsize)
        if self.replace_whitespace:
            for ch in "\t\n\x0b\x0c\r":
                text = text.replace(ch, " ")
        return text
    def _split(self, text):
        chunks = []
        word = ""
        space = ""
        for ch in text:
            if ch.isspace():
                if word:
                    chunks.extend(_split_word(word) if self.break_on_hyphens else [word])
                    word = ""
                space += ch
            else:
                if space:
                    chunks.append(space)
                    space = ""
                word += ch
        if word:
            chunks.extend(_split_word(word) if self.break_on_hyphens else [word])
        if space:
            chunks.append(space)
        return chunks
    def _fix_sentence_endings(self, chunks):
        i = 0
        while i < len(chunks) - 1:
            c = chunks[i]
            if chunks[i + 1] == " " and len(c) >= 2 and c[-1] in ".!?" and c[-2].islower():
                chunks[i + 1] = "  "
                i += 2
            else:
                i += 1
    def _handle_long_word(self, chunks, cur_line, cur_len, width):
        space_left = 1 if width < 1 else width - cur_len
        if self.break_long_words:
            end = space_left
            chunk = chunks[-1]
            if self.break_on_hyphens and len(chunk) > space_left:
                hyphen = chunk.rfind("-", 0, space_left)
                if hyphen > 0 and any(c != "-" for c in chunk[:hyphen]):
                    end = hyphen + 1
            cur_line.append(chunk[:end])
            chunks[-1] = chunk[end:]
        elif not cur_line:
            cur_line.append(chunks.pop())
    def _wrap_chunks(self, chunks):
        lines = []
        if self.width <= 0:
            raise ValueError("invalid width %r (must be > 0)" % self.width)
        if self.max_lines is not None:
            indent = self.subsequent_indent if self.max_lines > 1 else self.initial_indent
            if len(indent) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError("placeholder too large for max width")
        chunks.reverse()
        while chunks:
            cur_line = []
            cur_len = 0
            indent = self.subsequent_indent if lines else self.initial_indent
            width = self.width - len(indent)
            if self.drop_whitespace and chunks[-1].strip() == "" and lines:
                del chunks[-1]
            while chunks:
                n = len(chunks[-1])
                if cur_len + n <= width:
                    cur_line.append(chunks.pop())
                    cur_len += n
                else:
                    break
            if chunks and len(chunks[-1]) > width:
                self._handle_long_word(chunks, cur_line, cur_len, width)
                cur_len = sum(len(c) for c in cur_line)
            if self.drop_whitespace and cur_line and cur_line[-1].strip() == "":
                cur_len -= len(cur_line[-1])
                del cur_line[-1]
            if cur_line:
                if (self.max_lines is None or len(lines) + 1 < self.max_lines or
                        (not chunks or self.drop_whitespace and len(chunks) == 1 and not chunks[0].strip()) and cur_len <= width):
                    lines.append(indent + "".join(cur_line))
                else:
                    placed = False
                    while cur_line:
                        if cur_line[-1].strip() and cur_len + len(self.placeholder) <= width:
                            cur_line.append(self.placeholder)
                            lines.append(indent + "".join(cur_line))
                            placed = True
                            break
                        cur_len -= len(cur_line[-1])
                        del cur_line[-1]
                    if not placed:
                        if lines:
                            prev_line = lines[-1].rstrip()
                            if len(prev_line) + len(self.placeholder) <= self.width:
                                lines[-1] = prev_line + self.placeholder
                                break
                        lines.append(indent + self.placeholder.lstrip())
                    break
        return lines
    def wrap(self, text):
        chunks = self._split(self._munge_whitespace(text))
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)
    def fill(self, text):
        return "\n".join(self.wrap(text))
def wrap(text, width=70, **kwargs):
    return TextWrapper(width=width, **kwargs).wrap(text)
def fill(text, width=70, **kwargs):
    return TextWrapper(width=width, **kwargs).fill(text)
def shorten(text, width, **kwargs):
    w = TextWrapper(width=width, max_lines=1, **kwargs)
    return w.fill(" ".join(text.strip().split()))
def dedent(text):
    lines = text.split("\n")
    lines = ["" if line and line.strip(" \t") == "" else line for line in lines]
    margin = None
    for line in lines:
        if not line:
            continue
        stripped = line.lstrip(" \t")
        ind = line[:len(line) - len(stripped)]
        if margin is None:
            margin = ind
        elif ind.startswith(margin):
            pass
        elif margin.startswith(ind):
            margin = ind
        else:
            for i in range(min(len(margin), len(ind))):
                if margin[i] != ind[i]:
                    margin = margin[:i]
                    break
    if margin:
        lines = [line[len(margin):] if line.startswith(margin) else line for line in lines]
    return "\n".join(lines)
def indent(text, prefix, predicate=None):
    out = []
    for line in text.splitlines(True):
        if (predicate(line) if predicate is not None else line.strip()):
            out.append(prefix + line)
        else:
            out.append(line)
    return "".join(out)
