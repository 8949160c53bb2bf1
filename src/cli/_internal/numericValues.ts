/** Values of the numeric options for one evaluation, keyed by option name (kebab-case). @internal */
export type NumericValues = Readonly<Record<string, number | undefined>>;
