package io.luister.jobs;

/**
 * The input data or the warehouse's state cannot be processed as configured: a mapped column is missing from a file,
 * a file is not in the declared format, a period holds no data, too few items to fit a model, a table a stage reads
 * does not exist because the stage that writes it has not run. The message names the file, table or period and
 * what to change; the CLI exits with code 3, which a scheduler should not retry (the same data fails the same way).
 */
public class LuisterDataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LuisterDataException(String message) {
    super(message);
  }

  public LuisterDataException(String message, Throwable cause) {
    super(message, cause);
  }
}
