package io.luister.jobs.serve;

import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/**
 * The PostgreSQL column type for each Spark type a gold table can hold. Nested values (arrays, structs,
 * maps) become {@code jsonb}: every BI tool's PostgreSQL connector reads it as text, and SQL users can
 * still unnest it with {@code jsonb_array_elements}.
 */
public final class PgTypes {
  private PgTypes() {}

  public static String of(DataType type) {
    if (type instanceof StringType) {
      return "text";
    }
    if (type instanceof IntegerType) {
      return "integer";
    }
    if (type instanceof LongType) {
      return "bigint";
    }
    if (type instanceof ShortType || type instanceof ByteType) {
      return "smallint";
    }
    if (type instanceof DoubleType) {
      return "double precision";
    }
    if (type instanceof FloatType) {
      return "real";
    }
    if (type instanceof BooleanType) {
      return "boolean";
    }
    if (type instanceof DecimalType d) {
      return "numeric(" + d.precision() + "," + d.scale() + ")";
    }
    if (type instanceof DateType) {
      return "date";
    }
    // Spark's TIMESTAMP is an instant (shown in the session time zone), so timestamptz keeps its meaning.
    if (type instanceof TimestampType) {
      return "timestamptz";
    }
    if (type instanceof TimestampNTZType) {
      return "timestamp";
    }
    if (type instanceof BinaryType) {
      return "bytea";
    }
    if (isNested(type)) {
      return "jsonb";
    }
    throw new IllegalArgumentException("no PostgreSQL type for the Spark type " + type.simpleString());
  }

  /** Arrays, structs and maps: served as JSON text (Spark's to_json) in a jsonb column. */
  public static boolean isNested(DataType type) {
    return type instanceof ArrayType || type instanceof StructType || type instanceof MapType;
  }
}
