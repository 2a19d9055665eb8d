/**
 * Fields showing a value the schema refused. The document keeps the last valid value, so running
 * now would silently simulate something other than what the form shows: Run asks here first and
 * refuses, naming the field, until it is fixed.
 */
import { createContext } from 'react';

export interface InvalidField {
  /** "Interval" */
  field: string;
  /** The node's name, or "the connection A → B". */
  owner: string;
  /** Brings the field into view and puts the cursor in it. */
  focus(): void;
}

export class InvalidFields {
  private readonly fields = new Map<symbol, InvalidField>();

  set(key: symbol, field: InvalidField | undefined): void {
    if (field) this.fields.set(key, field);
    else this.fields.delete(key);
  }

  /** The first invalid field, focused, and the sentence saying what to fix; undefined when all are valid. */
  refuse(say: (field: string, owner: string) => string = (field, owner) => `Fix ${field} on ${owner} first: the value it shows is not valid, so the design still holds the previous one.`): string | undefined {
    const first = this.fields.values().next().value;
    if (!first) return undefined;
    first.focus();
    return say(first.field, first.owner);
  }
}

export const InvalidFieldsContext = createContext<InvalidFields | undefined>(undefined);
/** Whose fields these are, for the refusal's wording. */
export const FieldOwnerContext = createContext('this node');
