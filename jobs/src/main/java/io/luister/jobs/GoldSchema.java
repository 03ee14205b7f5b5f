package io.luister.jobs;

import static org.apache.spark.sql.functions.col;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Gold schemas as data: every field carries a one-line description (the data dictionary is generated from them). */
public final class GoldSchema {
  private StructType built = new StructType();

  public static GoldSchema of() {
    return new GoldSchema();
  }

  public GoldSchema add(String name, DataType type, String description) {
    built = built.add(new StructField(name, type, true, org.apache.spark.sql.types.Metadata.empty()).withComment(description));
    return this;
  }

  public StructType build() {
    return built;
  }

  /** Selects and casts {@code data} to {@code schema} (by name, in the schema's order, with the descriptions). */
  public static Dataset<Row> conform(Dataset<Row> data, StructType schema) {
    Column[] columns = Arrays.stream(schema.fields())
        .map(f -> col(f.name()).cast(f.dataType()).as(f.name(), f.metadata()))
        .toArray(Column[]::new);
    return data.select(columns);
  }
}
