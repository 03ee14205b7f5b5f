package io.luister.jobs;

/**
 * Storage, Spark, the network or a process Luister started failed, and Luister wraps that failure to say what it
 * was doing (which target, which sources; what is left as it was). Nothing is wrong with the config or the data,
 * so running again may succeed: the CLI exits with code 4, which a scheduler may retry. Failures Luister does not
 * wrap (an {@code IOException}, a Spark error, a bug) exit 4 as well.
 */
public class LuisterInfrastructureException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LuisterInfrastructureException(String message) {
    super(message);
  }

  public LuisterInfrastructureException(String message, Throwable cause) {
    super(message, cause);
  }
}
