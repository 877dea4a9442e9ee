/** The counters behind `running.stats`. */

export interface Entry {
  readonly method: string
  readonly path: string
  readonly search: string
  readonly bodyDigest: string
  readonly route: string | undefined
  /** The status sent, or 0 when the connection was dropped or closed before an answer. */
  readonly status: number
  readonly fault: string | undefined
}

export interface Filter {
  readonly method?: string
  readonly route?: string
  readonly path?: string
  readonly status?: number
}

export interface Snapshot {
  readonly total: number
  readonly inFlight: number
  readonly connections: number
  readonly byRoute: Readonly<Record<string, number>>
  readonly byStatus: Readonly<Record<string, number>>
}

const LOG_LIMIT = 10_000

export const make = () => {
  let total = 0
  let inFlight = 0
  let connections = 0
  let byRoute: Record<string, number> = {}
  let byStatus: Record<string, number> = {}
  let log: Array<Entry> = []
  return {
    get total() {
      return total
    },
    get inFlight() {
      return inFlight
    },
    get connections() {
      return connections
    },
    get byRoute(): Readonly<Record<string, number>> {
      return { ...byRoute }
    },
    get byStatus(): Readonly<Record<string, number>> {
      return { ...byStatus }
    },
    get requests(): ReadonlyArray<Entry> {
      return [...log]
    },
    count: (filter: Filter = {}): number =>
      log.filter(
        (e) =>
          (filter.method === undefined || e.method === filter.method.toUpperCase()) &&
          (filter.route === undefined || e.route === filter.route) &&
          (filter.path === undefined || e.path === filter.path) &&
          (filter.status === undefined || e.status === filter.status)
      ).length,
    snapshot: (): Snapshot => ({
      total,
      inFlight,
      connections,
      byRoute: { ...byRoute },
      byStatus: { ...byStatus }
    }),
    reset: () => {
      total = 0
      byRoute = {}
      byStatus = {}
      log = []
    },
    opened: () => {
      total += 1
      inFlight += 1
    },
    closed: (entry: Entry) => {
      inFlight -= 1
      const routeKey = entry.route ?? "(unmatched)"
      byRoute[routeKey] = (byRoute[routeKey] ?? 0) + 1
      const statusKey = entry.status === 0 ? "dropped" : String(entry.status)
      byStatus[statusKey] = (byStatus[statusKey] ?? 0) + 1
      log.push(entry)
      if (log.length > LOG_LIMIT) log = log.slice(log.length - LOG_LIMIT)
    },
    connected: () => {
      connections += 1
    },
    disconnected: () => {
      connections -= 1
    }
  }
}
