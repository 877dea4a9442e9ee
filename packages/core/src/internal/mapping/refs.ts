/**
 * `$ref` targets: `./file.yaml`, `./file.yaml#/path/inside`, `#/path/inside` (this file),
 * resolved relative to the referring file. Paths are handled with `/` separators (POSIX and
 * URL style), with no I/O and no dependency on a platform's path module.
 *
 * @internal
 */
import type { YamlPath } from "../yaml.ts"

/** The deepest chain of `$ref`s followed before `TooDeep`. */
export const MAX_REF_DEPTH = 32

const normalize = (path: string): string => {
  const absolute = path.startsWith("/")
  const out: Array<string> = []
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue
    if (part === "..") {
      if (out.length > 0 && out[out.length - 1] !== "..") out.pop()
      else if (!absolute) out.push("..")
    } else out.push(part)
  }
  const joined = out.join("/")
  return absolute ? `/${joined}` : joined === "" ? "." : joined
}

/** The directory of a file path (`a/b/c.yaml` → `a/b`). */
export const dirname = (file: string): string => {
  const i = file.lastIndexOf("/")
  return i < 0 ? "." : i === 0 ? "/" : file.slice(0, i)
}

/** `target` relative to the file `from` (an absolute `target` stays as it is). */
export const resolvePath = (from: string, target: string): string =>
  target.startsWith("/") ? normalize(target) : normalize(`${dirname(from)}/${target}`)

/** A resolved `$ref`: the file and the JSON Pointer segments inside it. */
export interface Target {
  readonly file: string
  readonly pointer: ReadonlyArray<string>
}

/** Resolves `ref` written in `from`, or says why it cannot be. */
export const resolve = (from: string, ref: string): Target | { readonly error: string } => {
  const hash = ref.indexOf("#")
  const filePart = hash < 0 ? ref : ref.slice(0, hash)
  const fragment = hash < 0 ? "" : ref.slice(hash + 1)
  if (/^[a-z][a-z0-9+.-]*:/i.test(filePart)) {
    return { error: "only files are allowed, relative to this file (`./file.yaml#/path`), not URLs" }
  }
  if (fragment !== "" && !fragment.startsWith("/")) {
    return { error: "the part after `#` must be a JSON Pointer such as `#/fields/billing`" }
  }
  const pointer =
    fragment === ""
      ? []
      : fragment
          .slice(1)
          .split("/")
          .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
  return { file: filePart === "" ? from : resolvePath(from, filePart), pointer }
}

const isRecord = (u: unknown): u is { readonly [k: string]: unknown } =>
  typeof u === "object" && u !== null && !Array.isArray(u)

/** The value at a JSON Pointer inside `value` and its YAML path, or undefined. */
export const follow = (
  value: unknown,
  pointer: ReadonlyArray<string>
): { readonly value: unknown; readonly path: YamlPath } | undefined => {
  let node = value
  const path: Array<string | number> = []
  for (const segment of pointer) {
    if (Array.isArray(node)) {
      if (!/^(?:0|[1-9]\d*)$/.test(segment) || Number(segment) >= node.length) return undefined
      path.push(Number(segment))
      node = node[Number(segment)]
    } else if (isRecord(node) && Object.hasOwn(node, segment)) {
      path.push(segment)
      node = node[segment]
    } else return undefined
  }
  return { value: node, path }
}

/** `file#/a/b` (the key a cycle is detected by). */
export const key = (t: Target): string =>
  `${t.file}#${t.pointer.map((s) => `/${s.replace(/~/g, "~0").replace(/\//g, "~1")}`).join("")}`
