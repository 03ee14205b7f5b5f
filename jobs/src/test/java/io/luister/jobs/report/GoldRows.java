package io.luister.jobs.report;

import io.luister.common.test.TestSpark;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Small gold frames for tests: give the columns that matter, the others are null. */
final class GoldRows {
  private final StructType schema;
  private final List<Row> rows = new ArrayList<>();

  GoldRows(StructType schema) {
    this.schema = schema;
  }

  /** Key/value pairs: "brand", "Acme", "items", 10, ... */
  GoldRows add(Object... keyValues) {
    Object[] values = new Object[schema.fields().length];
    for (int i = 0; i < keyValues.length; i += 2) {
      String name = (String) keyValues[i];
      int index = schema.fieldIndex(name);
      values[index] = convert(keyValues[i + 1], schema.fields()[index].dataType());
    }
    rows.add(RowFactory.create(values));
    return this;
  }

  Dataset<Row> frame() {
    return TestSpark.session().createDataFrame(rows, schema);
  }

  private static Object convert(Object v, DataType type) {
    if (v == null) {
      return null;
    }
    if (type.equals(DataTypes.LongType)) {
      return ((Number) v).longValue();
    }
    if (type.equals(DataTypes.DoubleType)) {
      return ((Number) v).doubleValue();
    }
    if (type.equals(DataTypes.IntegerType)) {
      return ((Number) v).intValue();
    }
    if (v instanceof List<?> list) {
      return scala.jdk.javaapi.CollectionConverters.asScala(list).toSeq();
    }
    return v;
  }
}
