/** Word lists for `Seeded`: names, streets, cities and phone ranges per country. */

export type Country = "NZ" | "AU" | "US" | "GB" | "DE" | "SA"

export interface City {
  readonly city: string
  readonly region: string
  /** Postcodes of the city: a template where `#` is a digit and `@` an upper-case letter. */
  readonly postcode: string
}

export interface CountryData {
  readonly first: ReadonlyArray<string>
  readonly last: ReadonlyArray<string>
  readonly streets: ReadonlyArray<string>
  /** How a street line is written: `{n} {street}` or `{street} {n}`. */
  readonly streetFirst: boolean
  readonly cities: ReadonlyArray<City>
  readonly callingCode: string
  /** Mobile number templates (national significant number, `#` a digit) and their national prefix. */
  readonly mobiles: ReadonlyArray<string>
  readonly trunk: string
}

export const data: Readonly<Record<Country, CountryData>> = {
  NZ: {
    first: [
      "Aroha",
      "Tama",
      "Mere",
      "Wiremu",
      "Olivia",
      "James",
      "Charlotte",
      "Liam",
      "Isla",
      "Nikau",
      "Ana",
      "Hemi"
    ],
    last: ["Ngata", "Parata", "Smith", "Wilson", "Walker", "Tane", "Brown", "Thompson", "Kereama", "Taylor"],
    streets: [
      "Queen Street",
      "Ponsonby Road",
      "Lambton Quay",
      "Cuba Street",
      "Colombo Street",
      "George Street"
    ],
    streetFirst: false,
    cities: [
      { city: "Auckland", region: "Auckland", postcode: "10##" },
      { city: "Wellington", region: "Wellington", postcode: "60##" },
      { city: "Christchurch", region: "Canterbury", postcode: "80##" },
      { city: "Hamilton", region: "Waikato", postcode: "32##" },
      { city: "Dunedin", region: "Otago", postcode: "90##" }
    ],
    callingCode: "64",
    mobiles: ["21#######", "22#######", "27#######"],
    trunk: "0"
  },
  AU: {
    first: ["Jack", "Chloe", "Oliver", "Mia", "William", "Ruby", "Noah", "Zoe", "Lachlan", "Matilda"],
    last: ["Smith", "Jones", "Williams", "Nguyen", "Kelly", "Martin", "Anderson", "O'Brien", "Ryan", "Lee"],
    streets: ["George Street", "Collins Street", "Queen Street", "Hay Street", "King William Street"],
    streetFirst: false,
    cities: [
      { city: "Sydney", region: "NSW", postcode: "20##" },
      { city: "Melbourne", region: "VIC", postcode: "30##" },
      { city: "Brisbane", region: "QLD", postcode: "40##" },
      { city: "Perth", region: "WA", postcode: "60##" },
      { city: "Adelaide", region: "SA", postcode: "50##" }
    ],
    callingCode: "61",
    mobiles: ["40#######", "41#######", "42#######", "43#######"],
    trunk: "0"
  },
  US: {
    first: ["Emma", "Michael", "Sophia", "Daniel", "Ava", "Ethan", "Madison", "Carlos", "Grace", "Tyler"],
    last: [
      "Johnson",
      "Garcia",
      "Miller",
      "Davis",
      "Rodriguez",
      "Martinez",
      "Hernandez",
      "Lopez",
      "Clark",
      "Young"
    ],
    streets: ["Main Street", "Oak Avenue", "Maple Drive", "Market Street", "Broadway", "Elm Street"],
    streetFirst: false,
    cities: [
      { city: "New York", region: "NY", postcode: "100##" },
      { city: "San Francisco", region: "CA", postcode: "941##" },
      { city: "Chicago", region: "IL", postcode: "606##" },
      { city: "Boston", region: "MA", postcode: "021##" },
      { city: "Seattle", region: "WA", postcode: "981##" },
      { city: "Austin", region: "TX", postcode: "787##" }
    ],
    callingCode: "1",
    mobiles: ["2127######", "4157######", "3127######", "6177######", "2067######", "5127######"],
    trunk: ""
  },
  GB: {
    first: ["Oliver", "Amelia", "Harry", "Olivia", "George", "Isla", "Thomas", "Poppy", "Arjun", "Siobhan"],
    last: ["Smith", "Jones", "Taylor", "Evans", "Patel", "Khan", "Wright", "Hughes", "Murphy", "Davies"],
    streets: ["High Street", "Station Road", "Church Lane", "Victoria Road", "Mill Lane", "Park Road"],
    streetFirst: false,
    cities: [
      { city: "London", region: "Greater London", postcode: "SW1A #@@" },
      { city: "Manchester", region: "Greater Manchester", postcode: "M1 #@@" },
      { city: "Edinburgh", region: "Scotland", postcode: "EH1 #@@" },
      { city: "Bristol", region: "Bristol", postcode: "BS1 #@@" },
      { city: "Leeds", region: "West Yorkshire", postcode: "LS1 #@@" }
    ],
    callingCode: "44",
    mobiles: ["740#######", "741#######", "742#######", "750#######", "780#######", "781#######"],
    trunk: "0"
  },
  DE: {
    first: ["Jürgen", "Sophie", "Lukas", "Marie", "Maximilian", "Hannah", "Jörg", "Lena", "Felix", "Anna"],
    last: [
      "Müller",
      "Schmidt",
      "Schneider",
      "Fischer",
      "Weber",
      "Meyer",
      "Wagner",
      "Becker",
      "Schröder",
      "Groß"
    ],
    streets: [
      "Hauptstraße",
      "Bahnhofstraße",
      "Gartenstraße",
      "Schillerstraße",
      "Goethestraße",
      "Lindenallee"
    ],
    streetFirst: true,
    cities: [
      { city: "Berlin", region: "Berlin", postcode: "101##" },
      { city: "München", region: "Bayern", postcode: "803##" },
      { city: "Hamburg", region: "Hamburg", postcode: "200##" },
      { city: "Köln", region: "Nordrhein-Westfalen", postcode: "506##" },
      { city: "Frankfurt am Main", region: "Hessen", postcode: "603##" }
    ],
    callingCode: "49",
    mobiles: ["151########", "152########", "157########", "170########", "176########"],
    trunk: "0"
  },
  SA: {
    first: ["Mohammed", "Fatimah", "Abdullah", "Noura", "Khalid", "Sara", "Faisal", "Reem", "Omar", "Lama"],
    last: [
      "Al-Harbi",
      "Al-Qahtani",
      "Al-Otaibi",
      "Al-Ghamdi",
      "Al-Zahrani",
      "Al-Shehri",
      "Al-Dosari",
      "Al-Mutairi"
    ],
    streets: [
      "King Fahd Road",
      "Prince Sultan Street",
      "Olaya Street",
      "Tahlia Street",
      "King Abdulaziz Road"
    ],
    streetFirst: true,
    cities: [
      { city: "Riyadh", region: "Riyadh Province", postcode: "11###" },
      { city: "Jeddah", region: "Makkah Province", postcode: "21###" },
      { city: "Dammam", region: "Eastern Province", postcode: "32###" },
      { city: "Medina", region: "Madinah Province", postcode: "42###" }
    ],
    callingCode: "966",
    mobiles: ["50#######", "53#######", "54#######", "55#######", "56#######"],
    trunk: "0"
  }
}

export const domains: ReadonlyArray<string> = ["example.com", "example.org", "example.net"]
