package io.luister.common.warehouse;

/** The hops of the medallion layout; each is a folder (and a SQL database) in the warehouse. */
public enum Layer {
  /** Each source as received, mapped to its canonical schema, with lineage. */
  BRONZE("bronze"),
  /** Conformed across sources: one feedback table, one taxonomy. */
  SILVER("silver"),
  /** Insight tables for BI tools, notebooks and the report. */
  GOLD("gold"),
  /** Run log and quarantine. */
  OPS("ops");

  private final String folder;

  Layer(String folder) {
    this.folder = folder;
  }

  public String folder() {
    return folder;
  }
}
