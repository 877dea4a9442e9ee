/**
 * The JSON Schema of the mapping language, `mapping/v1`: what editors use for completion and
 * validation (`# yaml-language-server: $schema=.../mapping.schema.json`) and what the loader
 * checks a mapping document against before it type-checks it. `schema/mapping.schema.json` is
 * generated from {@link jsonSchema} and a test fails when the committed copy is stale.
 *
 * A field spec is told apart by its keywords, in this order: `$ref`, `const`, `each`, `items`,
 * `same`, `from`, `template`, `fields`; an object with none of them is a block of sub-fields. The schema
 * says the same with an `if`/`then`/`else` chain, so a validator reports the errors of the one
 * shape that applies rather than one per alternative.
 *
 * @since 0.1.0
 */

/**
 * The `$id` of the generated schema.
 *
 * @since 0.1.0
 * @category models
 */
export const jsonSchemaId = "https://mapwright.dev/schema/mapping.schema.json"

/**
 * The value of a mapping document's `mapwright` key.
 *
 * @since 0.1.0
 * @category models
 */
export const version = "mapping/v1"

/**
 * The keywords that make an object a field spec (rather than a block of sub-fields), in the
 * order that decides between them.
 *
 * @since 0.1.0
 * @category models
 */
export const specKeywords = ["$ref", "const", "each", "items", "same", "from", "template", "fields"] as const

/**
 * Keys reserved in a block of sub-fields: a target field of one of these names must be
 * written inside `{ fields: { ... } }`.
 *
 * @since 0.1.0
 * @category models
 */
export const reservedKeys = [
  ...specKeywords,
  "pipe",
  "lookup",
  "otherwise",
  "default",
  "when",
  "where"
] as const

/**
 * The keys of an `each` that convert a scalar item (`pipe`, `lookup`, `otherwise`, `default`):
 * they cannot go with `fields`, which builds each item as an object.
 *
 * @since 0.1.0
 * @category models
 */
export const itemValueKeys = ["pipe", "lookup", "otherwise", "default"] as const

/**
 * The allowed values of `onInvalid` in a transform's options (YAML `null` is the same as `"null"`).
 *
 * @since 0.1.0
 * @category models
 */
export const onInvalidValues = ["reject", "null", "keep"] as const

const ref = (name: string) => ({ $ref: `#/$defs/${name}` })

const specDefinitions: Readonly<Record<(typeof specKeywords)[number], string>> = {
  $ref: "RefSpec",
  const: "ConstSpec",
  each: "EachSpec",
  items: "ItemsSpec",
  same: "SameSpec",
  from: "FromSpec",
  template: "TemplateSpec",
  fields: "BlockSpec"
}

const when = { ...ref("Condition"), description: "The spec applies only when the condition holds" }

const pathList = {
  type: "array",
  minItems: 1,
  items: ref("SourcePath")
}

const literal = (description: string) => ({ description })

const onInvalid = {
  enum: [...onInvalidValues, null],
  description: "What to do with a value the transform cannot convert"
}

/** `{ if, then, else }`: JSON Schema's conditional (the one place the schema spells `then`). */
const conditional = (condition: object, whenTrue: object, whenFalse?: object): object => ({
  if: condition,
  // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then/else keyword, not a thenable
  then: whenTrue,
  ...(whenFalse === undefined ? {} : { else: whenFalse })
})

/**
 * A field spec told apart by its keywords, in order: a string is a source path; an object with
 * one of the keywords is that spec; any other object is a block of sub-fields.
 */
const byKeyword = (specs: ReadonlyArray<readonly [string, string]>): object => {
  let chain: object = ref("SubFields")
  for (const [keyword, def] of [...specs].reverse()) {
    chain = conditional({ type: "object", required: [keyword] }, ref(def), chain)
  }
  return conditional({ type: "string" }, ref("SourcePath"), chain)
}

const defs = {
  SchemaName: {
    type: "string",
    minLength: 1,
    maxLength: 200,
    description: "A record schema's registered name, `<system>/<Record>`, e.g. `xml-resultset/Customer`",
    examples: ["xml-resultset/Customer", "canonical/Customer"]
  },
  SourcePath: {
    type: "string",
    minLength: 1,
    maxLength: 1000,
    pattern: "^(?:\\$\\.)?[^.]+(?:\\.[^.]+)*$",
    description:
      "A dotted path into the source record (`b_fname`, `UserCustomerGroup.0.group_code`); a numeric " +
      "segment indexes an array; inside `each`, paths are relative to the item and `$.` starts at the record root",
    examples: ["b_fname", "UserCustomerGroup.0.group_code", "$.b_country"]
  },
  TargetPath: {
    type: "string",
    minLength: 1,
    maxLength: 1000,
    pattern: "^[^.]+(?:\\.[^.]+)*$",
    description: "A dotted path into the target record, e.g. `billing`",
    examples: ["billing"]
  },
  Fields: {
    type: "object",
    description: "Target fields, each with the spec of its value",
    propertyNames: { minLength: 1 },
    additionalProperties: ref("FieldSpec")
  },
  FieldSpec: {
    description:
      "How a target field gets its value: a source path (shorthand for `{ from: path }`), a spec " +
      "(`from`, `const`, `each`, `items`, `same`, `template`, `fields`, `$ref`), or a block of sub-fields for an object",
    ...byKeyword(specKeywords.map((k) => [k, specDefinitions[k]] as const))
  },
  RefSpec: {
    title: "$ref",
    type: "object",
    description:
      "A spec kept in another file: `./file.yaml` or `./file.yaml#/path/inside`, relative to this file",
    required: ["$ref"],
    properties: { $ref: { type: "string", minLength: 1, maxLength: 1000 } },
    additionalProperties: false
  },
  ConstSpec: {
    title: "const",
    type: "object",
    description: "A literal value (any JSON, `null` included)",
    required: ["const"],
    properties: { const: literal("The literal value"), when },
    additionalProperties: false
  },
  FromSpec: {
    title: "from",
    type: "object",
    description:
      "A value read from the source: one path, or several (a tuple for the pipe), through a pipe of " +
      "transforms, a lookup table and a default",
    required: ["from"],
    properties: {
      from: {
        description: "A source path, or a list of paths that gives the pipe a tuple",
        ...conditional({ type: "array" }, pathList, ref("SourcePath"))
      },
      pipe: ref("Pipe"),
      lookup: ref("Lookup"),
      otherwise: literal("The value when the lookup table has no key for the value (a literal)"),
      default: literal("The value when the result is null (a literal)"),
      when
    },
    dependentRequired: { otherwise: ["lookup"] },
    additionalProperties: false
  },
  EachSpec: {
    title: "each",
    type: "object",
    description:
      "One output item per item of a source array (only those `where` keeps): build each with `fields`, " +
      "or convert each scalar with `pipe`/`lookup` (not both); an absent or null source gives `[]`",
    required: ["each"],
    properties: {
      each: ref("SourcePath"),
      fields: {
        ...ref("Fields"),
        description: "Builds each item as an object; not with `pipe`, `lookup`, `otherwise`, `default`"
      },
      pipe: ref("Pipe"),
      lookup: ref("Lookup"),
      otherwise: literal("The value when the lookup table has no key for an item (a literal)"),
      default: literal("The value of an item that is null (a literal)"),
      when,
      where: {
        ...ref("Condition"),
        description:
          "Keeps only the source items for which the condition holds; its paths are relative to the item " +
          "(`$.` for the record root), like those in `fields`"
      }
    },
    // With `fields`, the keys that convert a scalar item have nothing to convert.
    ...conditional(
      { required: ["fields"] },
      { not: { anyOf: itemValueKeys.map((k) => ({ required: [k] })) } },
      { dependentRequired: { otherwise: ["lookup"] } }
    ),
    additionalProperties: false
  },
  ItemsSpec: {
    title: "items",
    type: "object",
    description: "An array built from fixed entries; an entry whose `when` fails is left out",
    required: ["items"],
    properties: { items: { type: "array", items: ref("FieldSpec") }, when },
    additionalProperties: false
  },
  SameSpec: {
    title: "same",
    type: "object",
    description: "The value computed for another target field, with some sub-fields overridden",
    required: ["same"],
    properties: { same: ref("TargetPath"), fields: ref("Fields"), when },
    additionalProperties: false
  },
  TemplateSpec: {
    title: "template",
    type: "object",
    description:
      "A string built from source fields, `{b_fname} {b_lname}` (the `template` transform without an " +
      "input), then through `pipe`, `lookup` and `default` like a `from`",
    required: ["template"],
    properties: {
      template: {
        description:
          "The template: `{path}` placeholders name source paths; `{{` and `}}` are literal braces. " +
          "The map form `{ text, onInvalid }` takes `onInvalid`",
        ...conditional(
          { type: "object" },
          {
            required: ["text"],
            properties: { text: { type: "string" }, onInvalid },
            additionalProperties: false
          },
          { type: "string" }
        )
      },
      pipe: ref("Pipe"),
      lookup: ref("Lookup"),
      otherwise: literal("The value when the lookup table has no key for the value (a literal)"),
      default: literal("The value when the result is null (a literal)"),
      when
    },
    dependentRequired: { otherwise: ["lookup"] },
    additionalProperties: false
  },
  BlockSpec: {
    title: "fields",
    type: "object",
    description:
      "An object built from sub-fields, only when `when` holds (else `otherwise`, by default null)",
    required: ["fields"],
    properties: {
      fields: ref("Fields"),
      when,
      otherwise: { ...ref("FieldSpec"), description: "The spec used when `when` fails (only with `when`)" }
    },
    dependentRequired: { otherwise: ["when"] },
    additionalProperties: false
  },
  SubFields: {
    title: "sub-fields",
    type: "object",
    description: "A block of sub-fields for an object-typed target field",
    propertyNames: { minLength: 1, not: { enum: [...reservedKeys] } },
    additionalProperties: ref("FieldSpec")
  },
  Pipe: {
    type: "array",
    description: "Transforms applied in order",
    items: ref("PipeStep")
  },
  PipeStep: {
    description:
      "A transform: its name (`trim`), or a one-key map of its name to its options (`{ e164: {...} }`)",
    ...conditional(
      { type: "string" },
      { type: "string", minLength: 1, maxLength: 200 },
      {
        type: "object",
        minProperties: 1,
        maxProperties: 1,
        propertyNames: { minLength: 1, maxLength: 200 },
        additionalProperties: ref("TransformOptions")
      }
    )
  },
  TransformOptions: {
    description:
      "The transform's options; every transform also takes `onInvalid: reject | null | keep` " +
      "(what to do with a value it cannot convert)",
    ...conditional(
      { type: "object" },
      {
        properties: { onInvalid }
      }
    )
  },
  Lookup: {
    description: "A table from `String(value)` to a value, or a `$ref` to one",
    ...conditional({ type: "object", required: ["$ref"] }, ref("RefSpec"), {
      type: "object",
      description: "Keys are the source values, as strings"
    })
  },
  Condition: {
    type: "object",
    description:
      "A condition on the source: exactly one of `present`, `absent`, `anyPresent`, `allPresent`, `equals`, " +
      '`not`, `all`, `any`. "present" means not absent, not null and not ""',
    minProperties: 1,
    maxProperties: 1,
    properties: {
      present: ref("SourcePath"),
      absent: ref("SourcePath"),
      anyPresent: pathList,
      allPresent: pathList,
      equals: {
        type: "object",
        required: ["path", "value"],
        properties: {
          path: ref("SourcePath"),
          value: {
            type: ["string", "number", "boolean", "null"],
            description: "Compared with the source value; a number or boolean also matches its string form"
          }
        },
        additionalProperties: false
      },
      not: ref("Condition"),
      all: { type: "array", minItems: 1, items: ref("Condition") },
      any: { type: "array", minItems: 1, items: ref("Condition") }
    },
    additionalProperties: false
  }
}

const schema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: jsonSchemaId,
  title: "Mapwright mapping v1",
  description:
    "How the records of one record schema become the records of another: a YAML document that " +
    "`mapwright check` type-checks and the engine compiles to a function",
  type: "object",
  required: ["mapwright", "name", "source", "target", "fields"],
  properties: {
    $schema: {
      type: "string",
      description:
        "The JSON Schema this file follows, for editors (the `# yaml-language-server: $schema=...` comment works too); not read by Mapwright"
    },
    mapwright: { const: version, description: "The language and its version" },
    name: { type: "string", minLength: 1, maxLength: 200, description: "The mapping's name" },
    description: { type: "string", description: "What the mapping is for" },
    source: { ...ref("SchemaName"), description: "The record schema of the input records" },
    target: { ...ref("SchemaName"), description: "The record schema of the output records" },
    ignore: {
      type: "array",
      items: ref("SourcePath"),
      description: "Source paths deliberately not mapped (no `UnmappedSourceField` warning for them)"
    },
    secrets: {
      type: "array",
      items: ref("SourcePath"),
      description:
        "Secret source fields (the source schema's `writeOnly` fields, e.g. `password`) the mapping reads on " +
        "purpose; reading any other secret is a `SecretField` error. Written like `ignore` (list items without an index)"
    },
    unmapped: {
      enum: ["warn", "error", "off"],
      description: "What the checker does about source fields the mapping never reads (default warn)"
    },
    fields: ref("Fields")
  },
  additionalProperties: false,
  $defs: defs
} as const

/**
 * The JSON Schema (draft 2020-12) of a `mapping/v1` document, as the value written to
 * `schema/mapping.schema.json`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const jsonSchema = (): object => structuredClone(schema)
