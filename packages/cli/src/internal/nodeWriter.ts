/**
 * Writes text to a Node stream (stdout) with backpressure: a write that fills the stream's
 * buffer waits for `drain`. A stream error (EPIPE when the reader went away) fails the next
 * write with a `PlatformError` instead of crashing the process.
 *
 * @internal
 */
import { Effect, PlatformError } from "effect"

/** @internal */
export const make = (
  stream: NodeJS.WritableStream,
  name: string
): ((chunk: string) => Effect.Effect<void, PlatformError.PlatformError>) => {
  let failure: Error | undefined
  stream.on("error", (error: Error) => {
    failure ??= error
  })
  const failed = (cause: Error) =>
    PlatformError.systemError({
      _tag: (cause as { code?: unknown }).code === "EPIPE" ? "BadResource" : "Unknown",
      module: "Stdio",
      method: "write",
      pathOrDescriptor: name,
      description:
        (cause as { code?: unknown }).code === "EPIPE" ? "the reader closed the pipe" : cause.message,
      cause
    })
  return (chunk) =>
    Effect.callback<void, PlatformError.PlatformError>((resume) => {
      if (failure !== undefined) {
        resume(Effect.fail(failed(failure)))
        return
      }
      let done = false
      const finish = (error?: Error) => {
        if (done) return
        done = true
        stream.off("drain", onDrain)
        stream.off("error", onError)
        resume(error === undefined ? Effect.void : Effect.fail(failed(error)))
      }
      const onDrain = () => finish()
      const onError = (error: Error) => finish(error)
      stream.on("error", onError)
      if (stream.write(chunk)) finish()
      else stream.on("drain", onDrain)
    })
}
