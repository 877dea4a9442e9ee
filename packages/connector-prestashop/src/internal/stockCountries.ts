/**
 * The countries of a stock PrestaShop install, by id: the order of `install-dev/data/xml/country.xml`
 * in PrestaShop/PrestaShop (id 1 is DE, 8 FR, 17 GB, 21 US, 24 AU, 27 NZ, 188 SA). Every shop
 * has them under these ids (countries a merchant adds come after). The connector resolves
 * `id_country` through the shop's own `/api/countries`; only `decode` and `encode`, which work
 * offline, fall back to this table.
 */

const codes = `
  DE AT BE CA CN ES FI FR GR IT JP LU NL PL PT CZ GB SE CH DK
  US HK NO AU SG IE NZ KR IL ZA NG CI TG BO MU RO SK DZ AS AD
  AO AI AG AR AM AW AZ BS BH BD BB BY BZ BJ BM BT BW BR BN BF
  MM BI KH CM CV CF TD CL CO KM CD CG CR HR CU CY DJ DM DO TL
  EC EG SV GQ ER EE ET FK FO FJ GA GM GE GH GD GL GI GP GU GT
  GG GN GW GY HT HM VA HN IS IN ID IR IQ IM JM JE JO KZ KE KI
  KP KW KG LA LV LB LS LR LY LI LT MO MK MG MW MY MV ML MT MH
  MQ MR HU YT MX FM MD MC MN ME MS MA MZ NA NR NP AN NC NI NE
  NU NF MP OM PK PW PS PA PG PY PE PH PN PR QA RE RU RW BL KN
  LC MF PM VC WS SM ST SA SN RS SC SL SI SB SO GS LK SD SR SJ
  SZ SY TW TJ TZ TH TK TO TT TN TR TM TC TV UG UA AE UY UZ VU
  VE VN VG VI WF EH YE ZM ZW AL AF AQ BA BV IO BG KY CX CC CK
  GF PF TF AX`
  .trim()
  .split(/\s+/)

/** ISO code of a stock country id. */
export const isoOf = (id: string): string | undefined => {
  const n = Number(id)
  return Number.isInteger(n) && n >= 1 ? codes[n - 1] : undefined
}

/** Stock id of an ISO code. */
export const idOf = (iso: string): string | undefined => {
  const at = codes.indexOf(iso.trim().toUpperCase())
  return at < 0 ? undefined : String(at + 1)
}

/** The stock table in the shape of the connector's country table. */
export const table = {
  iso: new Map(codes.map((code, i) => [String(i + 1), code])),
  id: new Map(codes.map((code, i) => [code, String(i + 1)]))
} as const
