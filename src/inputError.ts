/**
 * The errors qsdl's public functions throw for bad input: a value out of its domain
 * ({@link InputRangeError}, a `RangeError`) or of the wrong type ({@link InputTypeError},
 * a `TypeError`). Their message names the parameter, the allowed range and the value
 * received. Code that calls qsdl can tell them from its own failures by class, never by
 * message text: any other error thrown from inside qsdl is a bug.
 *
 * @example new InputRangeError('gain G must be a finite number in [1, ∞); received 0.5') instanceof RangeError // returns true
 * @public
 */
export class InputRangeError extends RangeError {
  /** The class name, `InputRangeError` (what `String(error)` starts with). */
  override readonly name = 'InputRangeError';
}

/**
 * A value of the wrong type, or a missing or conflicting argument (see {@link InputRangeError}).
 * @example new InputTypeError('give mu or modulationVariance, not both') instanceof TypeError // returns true
 * @public
 */
export class InputTypeError extends TypeError {
  /** The class name, `InputTypeError` (what `String(error)` starts with). */
  override readonly name = 'InputTypeError';
}

/**
 * Whether `e` is one of qsdl's input errors (bad argument), as opposed to a bug.
 * @param e - anything thrown
 * @returns true for {@link InputRangeError} and {@link InputTypeError}
 * @example isInputError(new InputTypeError('x')) // returns true
 * @example isInputError(new RangeError('Invalid array length')) // returns false
 * @public
 */
export function isInputError(e: unknown): e is InputRangeError | InputTypeError {
  return e instanceof InputRangeError || e instanceof InputTypeError;
}
