import type { Language } from "../../engine/model";

/**
 * Every word the annex prints, in one language. Sentences that take figures are functions, so
 * that word order and agreement stay right in each language; figures arrive already formatted.
 */
export interface AnnexMessages {
  /** "Annex 1". */
  annex(n: number): string;
  /** Default document title when Settings has no AnnexTitle. */
  defaultTitle: string;
  /** "2015–2017" or "2015". */
  period(first: number, last: number): string;
  /** Table caption: "Period 2015–2017 (EUR)". */
  periodCaption(period: string, currency: string): string;
  /** Table caption: "2016 (EUR)". */
  yearCaption(year: number, currency: string): string;
  /** After the caption of a table that continues with more instruments: "continued". */
  continued: string;
  /** Footer: "Page 1 of 3" with Excel's &P and &N codes or docx fields in place of the numbers. */
  pageOf(page: string, pages: string): string;

  costSharingTitle: string;
  commonService: string;
  total: string;
  subtotal: string;
  /** "Programme support costs (13%)", the rate already formatted. */
  psc(rate: string): string;

  staffingTitle: string;
  staffingCaption: string;
  post: string;
  grade: string;
  fte: string;
  /** Group total row of the staffing table: "Total, Communications". */
  unitTotal(unit: string): string;
  totalStaff: string;
  staffingNote: string;

  savingsTitle: string;
  instrument: string;
  savingsCaption(period: string, currency: string): string;
  standAlone: string;
  shared: string;
  savings: string;
  staffTime: string;
  allInstruments: string;
  savingsNote: string;
  fteNote: string;
  noBaseline: string;

  optionsTitle: string;
  optionsCaption(period: string, currency: string): string;
  directCosts: string;
  /** Column of the options table: "Difference from Status quo" (the first option). */
  differenceFrom(first: string): string;
  /** "Total: direct costs plus … Difference: … under 'Status quo'." */
  optionsNote(first: string): string;
  /** "Annexes 1 to 3 show the option 'Pilot'." */
  optionShown(name: string, from: number, to: number): string;

  scaleTitle: string;
  /** Table caption of one instrument's scale: "AEWA, period 2025–2027 (EUR)". */
  scaleCaption(code: string, period: string, currency: string): string;
  party: string;
  /** Column of the Parties' UN scale rates, printed in percent to three decimals. */
  unScale: string;
  /** Column of the adjusted scale (each Party's share of the amount), in percent. */
  adjustedScale: string;
  /** Footnote of a Party with an agreed fixed share. */
  scaleFixed: string;
  /** Footnote of a Party at the minimum contribution: the amount already formatted, and the currency. */
  scaleFloor(amount: string, currency: string): string;
  /** Footnote of a Party at the maximum share, the rate already formatted. */
  scaleCeiling(rate: string): string;
  /** Footnote of a Party below the threshold, the rate already formatted. */
  scaleExempt(rate: string): string;
  scaleNote: string;
  /** Note when the amount shared is the instrument's total with PSC, naming the cost-sharing annex. */
  scaleFromAllocation(annex: string): string;

  /** Category names as the Budget sheet writes them (lower-case keys), translated. */
  categories: Record<string, string>;

  /** "CMS, AEWA and EUROBATS". */
  list(items: readonly string[]): string;
  allInstrumentsPhrase: string;
  /** "Shared 50/50 between CMS and AEWA by agreement." */
  fixedPair(split: string, a: string, b: string): string;
  /** "Shared by agreement: CMS 40%, AEWA 35%, EUROBATS 25%." */
  fixedMany(parts: string): string;
  /** A unit that one instrument pays for alone: "Borne entirely by CMS." */
  sole(code: string): string;
  /** "Shared equally among CMS, AEWA and EUROBATS." */
  equal(who: string): string;
  /** "In proportion to the number of Parties" (start of a sentence). */
  driver(phrase: string): string;
  /** Names of the drivers officers use most (lower-case keys), as "the number of Parties". */
  drivers: Record<string, string>;
  /** A driver not in `drivers`: "the Instruments column 'Staff'". */
  driverColumn(column: string): string;
  /** A hybrid part: "40% shared equally", "60% in proportion to the number of Parties". */
  hybridEqual(weight: string): string;
  hybridDriver(weight: string, phrase: string): string;
  /** Joins hybrid parts into a sentence start. */
  hybrid(parts: readonly string[]): string;
  /** Participants clause after a driver or hybrid rule: ", among CMS, AEWA and EUROBATS". */
  among(who: string): string;
  /** ", capped at 50%". */
  capped(max: string): string;
  /** ", with a floor of 5%". */
  floor(min: string): string;
  /** "Each post's own agreed split (see Annex 2)." */
  posts(annex: string): string;
  /**
   * After a unit's rule, when some of its posts follow their own split instead: "The post Joint
   * Executive Secretary follows its own agreed split rather than this rule (see Annex 2)."
   * `titles` are the posts' titles when few, else empty with `count` given.
   */
  ownSplits(titles: readonly string[], count: number, annex: string): string;
  /** "Administration (support unit): allocated to the units it serves by the reciprocal method (...)". */
  support(unit: string, method: "reciprocal" | "step-down", served: string): string;
  /** "Communications 40%". */
  servedPart(unit: string, share: string): string;
  /** The rule as the Rules sheet stated it, when it cannot be put in words: "Rule: …". */
  asWritten(text: string): string;
}

const en: AnnexMessages = {
  annex: (n) => `Annex ${n}`,
  defaultTitle: "Cost sharing of the common services of the CMS Family",
  period: (a, b) => (a === b ? `${a}` : `${a}\u2013${b}`),
  periodCaption: (p, c) => `Period ${p} (${c})`,
  yearCaption: (y, c) => `${y} (${c})`,
  continued: "continued",
  pageOf: (p, n) => `Page ${p} of ${n}`,

  costSharingTitle: "Cost sharing of common services",
  commonService: "Common service",
  total: "Total",
  subtotal: "Subtotal",
  psc: (r) => `Programme support costs (${r})`,

  staffingTitle: "Staffing table",
  staffingCaption: "Posts by unit and grade, and the percentage of each post funded by each instrument",
  post: "Post",
  grade: "Grade",
  fte: "FTE",
  unitTotal: (u) => `Total, ${u}`,
  totalStaff: "Total staff",
  staffingNote: "Percentages are each post's first-year cost shares. FTE: full-time equivalent.",

  savingsTitle: "Savings and redirected resources",
  instrument: "Instrument",
  savingsCaption: (p, c) => `Stand-alone and shared cost by category, period ${p} (${c})`,
  standAlone: "Stand-alone cost",
  shared: "Shared cost",
  savings: "Savings",
  staffTime: "Staff time (FTE)",
  allInstruments: "All instruments",
  savingsNote:
    "Stand-alone cost: what the instrument pays for these services on its own today (Baseline sheet). Shared cost: its direct share of the common services. Both before programme support costs.",
  fteNote: "Staff time under Savings is freed for implementation support.",
  noBaseline: "No stand-alone baseline was given, so no savings are shown.",

  optionsTitle: "Options compared",
  optionsCaption: (p, c) => `What each instrument pays under each option, period ${p} (${c})`,
  directCosts: "Direct costs",
  differenceFrom: (f) => `Difference from ${f}`,
  optionsNote: (f) =>
    `Total: direct costs plus programme support costs. Savings: stand-alone cost (Baseline sheet) less direct costs. Difference: the option's total less the same instrument's total under \u201c${f}\u201d; a negative figure means the instrument pays less.`,
  optionShown: (name, a, b) => `Annexes ${a} to ${b} show the option \u201c${name}\u201d.`,

  scaleTitle: "Scale of contributions",
  scaleCaption: (code, p, c) => `${code}, period ${p} (${c})`,
  party: "Party",
  unScale: "UN scale (%)",
  adjustedScale: "Adjusted scale (%)",
  scaleFixed: "Fixed share of the budget, by agreement.",
  scaleFloor: (a, c) => `Minimum contribution of ${c} ${a} a year.`,
  scaleCeiling: (r) => `No Party pays more than ${r} of the budget.`,
  scaleExempt: (r) => `No contribution from a Party whose rate on the UN scale is below ${r}.`,
  scaleNote:
    "UN scale: the United Nations scale of assessments. Adjusted scale: each Party's share of the amount over the period, after the instrument's rules. Contributions are rounded so that each year adds up exactly to the amount shared.",
  scaleFromAllocation: (a) =>
    `Amount shared: the instrument's share of the common services, with programme support costs (see ${a}).`,

  categories: { staff: "Staff", meetings: "Meetings", operational: "Operational", travel: "Travel" },

  list: (items) => joinList(items, "and"),
  allInstrumentsPhrase: "all instruments",
  fixedPair: (s, a, b) => `Shared ${s} between ${a} and ${b} by agreement.`,
  fixedMany: (parts) => `Shared by agreement: ${parts}.`,
  sole: (code) => `Borne entirely by ${code}.`,
  equal: (who) => `Shared equally among ${who}.`,
  driver: (phrase) => `In proportion to ${phrase}`,
  drivers: {
    parties: "the number of Parties",
    budget: "the budget",
    staff: "the number of staff",
    species: "the number of species covered",
    meetings: "the number of meetings",
  },
  driverColumn: (c) => `the Instruments column \u2018${c}\u2019`,
  hybridEqual: (w) => `${w} shared equally`,
  hybridDriver: (w, phrase) => `${w} in proportion to ${phrase}`,
  hybrid: (parts) => capitalise(joinList(parts, "and")),
  among: (who) => `, among ${who}`,
  capped: (m) => `, capped at ${m}`,
  floor: (m) => `, with a floor of ${m}`,
  posts: (a) => `Each post's own agreed split (see ${a}).`,
  ownSplits: (titles, count, a) =>
    titles.length === 0
      ? `${count} of its posts follow their own agreed split rather than this rule (see ${a}).`
      : titles.length === 1
        ? `The post ${titles[0]} follows its own agreed split rather than this rule (see ${a}).`
        : `The posts ${joinList(titles, "and")} follow their own agreed split rather than this rule (see ${a}).`,
  support: (unit, method, served) =>
    `${unit} (support unit): allocated to the units it serves by the ${method === "reciprocal" ? "reciprocal" : "step-down"} method (${served}).`,
  servedPart: (u, s) => `${u} ${s}`,
  asWritten: (t) => `Rule: ${t}`,
};

/** French: a no-break space before ":" and ";" and inside « », as French typography has it. */
const fr: AnnexMessages = {
  annex: (n) => `Annexe ${n}`,
  defaultTitle: "Partage des coûts des services communs de la famille de la CMS",
  period: (a, b) => (a === b ? `${a}` : `${a}-${b}`),
  periodCaption: (p, c) => `Période ${p} (en ${c})`,
  yearCaption: (y, c) => `${y} (en ${c})`,
  continued: "suite",
  pageOf: (p, n) => `Page ${p} sur ${n}`,

  costSharingTitle: "Partage des coûts des services communs",
  commonService: "Service commun",
  total: "Total",
  subtotal: "Total partiel",
  psc: (r) => `Coûts d'appui aux programmes (${r})`,

  staffingTitle: "Tableau des effectifs",
  staffingCaption: "Postes par unité et par classe, et part de chaque poste financée par chaque instrument",
  post: "Poste",
  grade: "Classe",
  fte: "ETP",
  unitTotal: (u) => `Total, ${u}`,
  totalStaff: "Total des effectifs",
  staffingNote:
    "Les pourcentages sont les parts du coût de chaque poste la première année. ETP\u00a0: équivalent temps plein.",

  savingsTitle: "Économies et ressources réaffectées",
  instrument: "Instrument",
  savingsCaption: (p, c) => `Coût autonome et coût partagé par catégorie, période ${p} (en ${c})`,
  standAlone: "Coût autonome",
  shared: "Coût partagé",
  savings: "Économies",
  staffTime: "Temps de travail (ETP)",
  allInstruments: "Ensemble des instruments",
  savingsNote:
    "Coût autonome\u00a0: ce que l'instrument consacre aujourd'hui seul à ces services (feuille Baseline). Coût partagé\u00a0: sa part directe des services communs. Montants hors coûts d'appui aux programmes.",
  fteNote: "Le temps de travail figurant sous Économies est libéré pour l'appui à la mise en œuvre.",
  noBaseline: "Aucun coût autonome de référence n'a été fourni\u00a0; aucune économie n'est donc indiquée.",

  optionsTitle: "Comparaison des options",
  optionsCaption: (p, c) => `Ce que chaque instrument paie selon chaque option, période ${p} (en ${c})`,
  directCosts: "Coûts directs",
  differenceFrom: (f) => `Écart par rapport à «\u00a0${f}\u00a0»`,
  optionsNote: (f) =>
    `Total\u00a0: coûts directs plus coûts d'appui aux programmes. Économies\u00a0: coût autonome (feuille Baseline) moins coûts directs. Écart\u00a0: total de l'option moins total du même instrument selon «\u00a0${f}\u00a0»\u00a0; un montant négatif signifie que l'instrument paie moins.`,
  optionShown: (name, a, b) => `Les annexes ${a} à ${b} présentent l'option «\u00a0${name}\u00a0».`,

  scaleTitle: "Barème des contributions",
  scaleCaption: (code, p, c) => `${code}, période ${p} (en ${c})`,
  party: "Partie",
  unScale: "Barème de l'ONU (%)",
  adjustedScale: "Barème ajusté (%)",
  scaleFixed: "Part fixe du budget, d'un commun accord.",
  scaleFloor: (a, c) => `Contribution minimale de ${a}\u00a0${c} par an.`,
  scaleCeiling: (r) => `Aucune Partie ne paie plus de ${r} du budget.`,
  scaleExempt: (r) =>
    `Aucune contribution d'une Partie dont le taux au barème de l'ONU est inférieur à ${r}.`,
  scaleNote:
    "Barème de l'ONU\u00a0: barème des quotes-parts de l'Organisation des Nations Unies. Barème ajusté\u00a0: part de chaque Partie dans le montant de la période, après application des règles de l'instrument. Les contributions sont arrondies de sorte que chaque année corresponde exactement au montant à partager.",
  scaleFromAllocation: (a) =>
    `Montant à partager\u00a0: la part de l'instrument dans les services communs, coûts d'appui aux programmes compris (voir ${lowerFirst(a)}).`,

  categories: {
    staff: "Personnel",
    meetings: "Réunions",
    operational: "Dépenses de fonctionnement",
    travel: "Voyages",
  },

  list: (items) => joinList(items, "et"),
  allInstrumentsPhrase: "l'ensemble des instruments",
  fixedPair: (s, a, b) => `Réparti ${s} entre ${a} et ${b}, d'un commun accord.`,
  fixedMany: (parts) => `Répartition convenue\u00a0: ${parts}.`,
  sole: (code) => `Entièrement à la charge de ${code}.`,
  equal: (who) => `Réparti à parts égales entre ${who}.`,
  driver: (phrase) => `Au prorata ${phrase}`,
  drivers: {
    parties: "du nombre de Parties",
    budget: "du budget",
    staff: "des effectifs",
    species: "du nombre d'espèces couvertes",
    meetings: "du nombre de réunions",
  },
  driverColumn: (c) => `de la colonne «\u00a0${c}\u00a0» de la feuille Instruments`,
  hybridEqual: (w) => `${w} à parts égales`,
  hybridDriver: (w, phrase) => `${w} au prorata ${phrase}`,
  hybrid: (parts) => capitalise(joinList(parts, "et")),
  among: (who) => `, entre ${who}`,
  capped: (m) => `, plafonné à ${m}`,
  floor: (m) => `, avec un plancher de ${m}`,
  posts: (a) => `Selon la répartition convenue propre à chaque poste (voir ${lowerFirst(a)}).`,
  ownSplits: (titles, count, a) =>
    titles.length === 0
      ? `${count} de ses postes suivent leur propre répartition convenue plutôt que cette règle (voir ${lowerFirst(a)}).`
      : titles.length === 1
        ? `Le poste ${titles[0]} suit sa propre répartition convenue plutôt que cette règle (voir ${lowerFirst(a)}).`
        : `Les postes ${joinList(titles, "et")} suivent leur propre répartition convenue plutôt que cette règle (voir ${lowerFirst(a)}).`,
  support: (unit, method, served) =>
    `${unit} (unité d'appui)\u00a0: coûts répartis entre les unités desservies selon la méthode ${method === "reciprocal" ? "réciproque" : "séquentielle"} (${served}).`,
  servedPart: (u, s) => `${u} ${s}`,
  asWritten: (t) => `Règle\u00a0: ${t}`,
};

const es: AnnexMessages = {
  annex: (n) => `Anexo ${n}`,
  defaultTitle: "Distribución de los costos de los servicios comunes de la familia de la CMS",
  period: (a, b) => (a === b ? `${a}` : `${a}-${b}`),
  periodCaption: (p, c) => `Período ${p} (en ${c})`,
  yearCaption: (y, c) => `${y} (en ${c})`,
  continued: "continuación",
  pageOf: (p, n) => `Página ${p} de ${n}`,

  costSharingTitle: "Distribución de los costos de los servicios comunes",
  commonService: "Servicio común",
  total: "Total",
  subtotal: "Subtotal",
  psc: (r) => `Gastos de apoyo a los programas (${r})`,

  staffingTitle: "Cuadro de dotación de personal",
  staffingCaption:
    "Puestos por unidad y categoría, y porcentaje de cada puesto que financia cada instrumento",
  post: "Puesto",
  grade: "Categoría",
  fte: "EJC",
  unitTotal: (u) => `Total, ${u}`,
  totalStaff: "Total del personal",
  staffingNote:
    "Los porcentajes son la parte del costo de cada puesto en el primer año. EJC: equivalente a jornada completa.",

  savingsTitle: "Ahorros y recursos reasignados",
  instrument: "Instrumento",
  savingsCaption: (p, c) => `Costo independiente y costo compartido por categoría, período ${p} (en ${c})`,
  standAlone: "Costo independiente",
  shared: "Costo compartido",
  savings: "Ahorros",
  staffTime: "Tiempo del personal (EJC)",
  allInstruments: "Todos los instrumentos",
  savingsNote:
    "Costo independiente: lo que el instrumento paga hoy por sí solo por estos servicios (hoja Baseline). Costo compartido: su parte directa de los servicios comunes. Importes sin gastos de apoyo a los programas.",
  fteNote: "El tiempo del personal que figura en Ahorros queda liberado para el apoyo a la aplicación.",
  noBaseline: "No se facilitó ningún costo independiente de referencia; por tanto, no se indican ahorros.",

  optionsTitle: "Comparación de las opciones",
  optionsCaption: (p, c) => `Lo que paga cada instrumento en cada opción, período ${p} (en ${c})`,
  directCosts: "Costos directos",
  differenceFrom: (f) => `Diferencia respecto de «${f}»`,
  optionsNote: (f) =>
    `Total: costos directos más gastos de apoyo a los programas. Ahorros: costo independiente (hoja Baseline) menos costos directos. Diferencia: total de la opción menos el total del mismo instrumento en «${f}»; una cifra negativa significa que el instrumento paga menos.`,
  optionShown: (name, a, b) => `Los anexos ${a} a ${b} presentan la opción «${name}».`,

  scaleTitle: "Escala de contribuciones",
  scaleCaption: (code, p, c) => `${code}, período ${p} (en ${c})`,
  party: "Parte",
  unScale: "Escala de la ONU (%)",
  adjustedScale: "Escala ajustada (%)",
  scaleFixed: "Cuota fija del presupuesto, por acuerdo.",
  scaleFloor: (a, c) => `Contribución mínima de ${a} ${c} por año.`,
  scaleCeiling: (r) => `Ninguna Parte paga más del ${r} del presupuesto.`,
  scaleExempt: (r) =>
    `Ninguna contribución de una Parte cuya tasa en la escala de la ONU sea inferior al ${r}.`,
  scaleNote:
    "Escala de la ONU: escala de cuotas de las Naciones Unidas. Escala ajustada: parte de cada Parte en el monto del período, tras aplicar las normas del instrumento. Las contribuciones se redondean de modo que cada año sume exactamente el monto a repartir.",
  scaleFromAllocation: (a) =>
    `Monto a repartir: la parte del instrumento en los servicios comunes, incluidos los gastos de apoyo a los programas (véase el ${lowerFirst(a)}).`,

  categories: {
    staff: "Personal",
    meetings: "Reuniones",
    operational: "Gastos de funcionamiento",
    travel: "Viajes",
  },

  list: (items) => joinSpanishList(items),
  allInstrumentsPhrase: "todos los instrumentos",
  fixedPair: (s, a, b) => `Compartido al ${s} entre ${a} y ${b}, por acuerdo.`,
  fixedMany: (parts) => `Distribución acordada: ${parts}.`,
  sole: (code) => `Íntegramente a cargo de ${code}.`,
  equal: (who) => `Repartido a partes iguales entre ${who}.`,
  driver: (phrase) => `En proporción ${phrase}`,
  drivers: {
    parties: "al número de Partes",
    budget: "al presupuesto",
    staff: "al número de funcionarios",
    species: "al número de especies abarcadas",
    meetings: "al número de reuniones",
  },
  driverColumn: (c) => `a la columna «${c}» de la hoja Instruments`,
  hybridEqual: (w) => `el ${w} a partes iguales`,
  hybridDriver: (w, phrase) => `el ${w} en proporción ${phrase}`,
  hybrid: (parts) => capitalise(joinSpanishList(parts)),
  among: (who) => `, entre ${who}`,
  capped: (m) => `, con un tope del ${m}`,
  floor: (m) => `, con un mínimo del ${m}`,
  posts: (a) => `Según la distribución acordada propia de cada puesto (véase el ${lowerFirst(a)}).`,
  ownSplits: (titles, count, a) =>
    titles.length === 0
      ? `${count} de sus puestos siguen su propia distribución acordada en lugar de esta regla (véase el ${lowerFirst(a)}).`
      : titles.length === 1
        ? `El puesto ${titles[0]} sigue su propia distribución acordada en lugar de esta regla (véase el ${lowerFirst(a)}).`
        : `Los puestos ${joinSpanishList(titles)} siguen su propia distribución acordada en lugar de esta regla (véase el ${lowerFirst(a)}).`,
  support: (unit, method, served) =>
    `${unit} (unidad de apoyo): costos distribuidos entre las unidades a las que presta servicio por el método ${method === "reciprocal" ? "recíproco" : "escalonado"} (${served}).`,
  servedPart: (u, s) => `${u} ${s}`,
  asWritten: (t) => `Regla: ${t}`,
};

/** The annex wording in each CMS working language. */
export const annexMessages: Readonly<Record<Language, AnnexMessages>> = Object.freeze({ en, fr, es });

/** "a, b and c": UN editorial style has no serial comma, in any of the three languages. */
function joinList(items: readonly string[], and: string): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${and} ${items[items.length - 1]}`;
}

/** Spanish "y" becomes "e" before a word that starts with the sound /i/ ("CMS e IOSEA"), but not before "hie-". */
function joinSpanishList(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  const last = items[items.length - 1];
  const and = /^(i|hi(?![aeiouáéíóú]))/i.test(last) ? "e" : "y";
  return `${items.slice(0, -1).join(", ")} ${and} ${last}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
