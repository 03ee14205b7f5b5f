package io.luister.jobs;

import io.luister.common.config.ConfigLoader;
import io.luister.common.config.ProgramConfig;
import io.luister.common.test.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Programs for tests, loaded as the command line loads them: a program YAML in a fresh folder, next to the empty
 * files its sources point at ({@code posts.jsonl}, {@code x.csv}), so the loader's checks that a source's files
 * exist pass without any data.
 */
public final class TestPrograms {
  /** One social source on the empty {@code posts.jsonl}, with the mapping most stage tests use. */
  public static final String SOCIAL_SOURCE = """
      sources:
        - name: social
          type: social
          path: posts.jsonl
          format: jsonl
          mapping: {id: post_id, published_at: created, text: content}
      """;

  private TestPrograms() {}

  /** Writes {@code yaml} as {@code p.yaml} in a fresh folder named after {@code folder}, and returns its path. */
  public static Path write(String folder, String yaml) throws IOException {
    Path dir = TestSpark.tempDir(folder);
    Files.writeString(dir.resolve("posts.jsonl"), "");
    Files.writeString(dir.resolve("x.csv"), "x\n");
    return Files.writeString(dir.resolve("p.yaml"), yaml);
  }

  /** {@link #write} and load. */
  public static ProgramConfig load(String folder, String yaml) throws IOException {
    return ConfigLoader.load(write(folder, yaml));
  }

  /** A program of {@code header} (program, brand, settings) and the one {@link #SOCIAL_SOURCE}. */
  public static ProgramConfig loadWithSocialSource(String folder, String header) throws IOException {
    return load(folder, header + SOCIAL_SOURCE);
  }
}
