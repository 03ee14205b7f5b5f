package io.luister.jobs;

/**
 * The input cannot be processed as configured (a mapped column is missing from a file, a file is not in
 * the declared format). The message names the file and what to change; the CLI exits with code 3.
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
