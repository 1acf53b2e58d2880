/** The intersection of the members of a union: `A | B` gives `A & B` (what every member asks for at once). */
export type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
  ? I
  : never;
