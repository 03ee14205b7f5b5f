package io.luister.common.schema;

/**
 * One field of a canonical source schema.
 *
 * @param name the canonical name, as used in the config's {@code mapping} and in bronze tables
 * @param kind how it is parsed and validated
 * @param required whether a source of this type must map it and every record must have it
 * @param meaning one sentence for the schema documentation
 */
public record CanonicalField(String name, FieldKind kind, boolean required, String meaning) {

  static CanonicalField required(String name, FieldKind kind, String meaning) {
    return new CanonicalField(name, kind, true, meaning);
  }

  static CanonicalField optional(String name, FieldKind kind, String meaning) {
    return new CanonicalField(name, kind, false, meaning);
  }
}
