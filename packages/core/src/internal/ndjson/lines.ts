/**
 * Splits UTF-8 bytes, arriving in chunks of any size, into lines. Plain synchronous code: the
 * caller feeds one chunk at a time and gets each complete line through `onLine`.
 *
 * - A line may span chunks, and so may a multi-byte UTF-8 sequence (`TextDecoder` in streaming
 *   mode). Invalid UTF-8 becomes U+FFFD; a leading byte-order mark is dropped.
 * - `\n` ends a line; a `\r` before it is removed. The last line needs no newline.
 * - A line longer than `maxLineLength` (UTF-16 code units) is never held whole: once the cap
 *   is crossed its text is dropped, only its first `keepPrefix` characters are kept, and it is
 *   reported through `onTooLong` when its end arrives.
 *
 * Line numbers are 1-based and count every physical line, blank ones included.
 *
 * @internal
 */
export interface LineSink {
  readonly onLine: (line: string, lineNumber: number) => void
  readonly onTooLong: (prefix: string, lineNumber: number) => void
}

/** @internal */
export interface LineSplitter {
  readonly push: (bytes: Uint8Array) => void
  readonly end: () => void
}

/** @internal */
export const makeLineSplitter = (sink: LineSink, maxLineLength: number, keepPrefix: number): LineSplitter => {
  const decoder = new TextDecoder("utf-8")
  let carry = ""
  let overflow = false
  let overflowPrefix = ""
  let lineNumber = 0

  const emit = (line: string): void => {
    lineNumber++
    const n = line.length
    const text = n > 0 && line.charCodeAt(n - 1) === 13 ? line.slice(0, n - 1) : line
    if (text.length > maxLineLength) sink.onTooLong(text.slice(0, keepPrefix), lineNumber)
    else sink.onLine(text, lineNumber)
  }

  const emitOverflow = (): void => {
    lineNumber++
    const prefix = overflowPrefix
    overflow = false
    overflowPrefix = ""
    sink.onTooLong(prefix, lineNumber)
  }

  // Text without a newline: it continues the current line.
  const append = (text: string): void => {
    if (overflow || text.length === 0) return
    if (carry.length + text.length > maxLineLength) {
      overflow = true
      overflowPrefix =
        carry.length >= keepPrefix
          ? carry.slice(0, keepPrefix)
          : carry + text.slice(0, keepPrefix - carry.length)
      carry = ""
      return
    }
    carry += text
  }

  const feed = (text: string): void => {
    let newline = text.indexOf("\n")
    if (newline === -1) {
      append(text)
      return
    }
    // The first newline closes the line carried over from earlier chunks.
    if (overflow) {
      emitOverflow()
    } else if (carry.length > 0) {
      const line = carry + text.slice(0, newline)
      carry = ""
      emit(line)
    } else {
      emit(text.slice(0, newline))
    }
    let start = newline + 1
    newline = text.indexOf("\n", start)
    while (newline !== -1) {
      emit(text.slice(start, newline))
      start = newline + 1
      newline = text.indexOf("\n", start)
    }
    if (start < text.length) append(text.slice(start))
  }

  return {
    push: (bytes) => feed(decoder.decode(bytes, { stream: true })),
    end: () => {
      const rest = decoder.decode()
      if (rest.length > 0) append(rest)
      if (overflow) emitOverflow()
      else if (carry.length > 0) {
        const line = carry
        carry = ""
        emit(line)
      }
    }
  }
}
