package io.luister.common.privacy;

import static org.apache.spark.sql.functions.*;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import io.luister.common.config.BrandConfig;
import org.apache.spark.sql.Column;

/**
 * Keyed pseudonyms (HMAC-SHA256) for author handles and customer ids. The Spark form is built from
 * built-in functions only (sha2, concat, unhex), so it runs in Tungsten without a UDF; {@link #pseudonym}
 * computes the same value on the driver (for tests and for the erase command).
 *
 * <p>Handles are normalised first (trimmed, lower-case, no leading @) so that "@Jan" and "jan" are the
 * same person; customer ids are only trimmed.
 */
public final class Pseudonymizer {

  /** Used only by programs that set {@code allow_development_key: true} (the samples). */
  public static final String DEVELOPMENT_KEY = "luister-development-key-NOT-FOR-REAL-DATA";
  public static final String AUTHOR_PREFIX = "au_";
  public static final String CUSTOMER_PREFIX = "cu_";
  private static final int BLOCK = 64;
  private static final int HEX_CHARS = 32;

  private final byte[] innerPad = new byte[BLOCK];
  private final byte[] outerPad = new byte[BLOCK];
  private final byte[] key;

  public Pseudonymizer(String secret) {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("the pseudonymisation key is empty");
    }
    byte[] k = secret.getBytes(StandardCharsets.UTF_8);
    if (k.length > BLOCK) {
      k = sha256(k);
    }
    this.key = k;
    for (int i = 0; i < BLOCK; i++) {
      byte kb = i < k.length ? k[i] : 0;
      innerPad[i] = (byte) (kb ^ 0x36);
      outerPad[i] = (byte) (kb ^ 0x5c);
    }
  }

  /** The pseudonym of an author handle column; null and blank stay null. */
  public Column authorColumn(Column handle) {
    return keyed(normalisedHandle(handle), AUTHOR_PREFIX);
  }

  /** {@link BrandConfig#normaliseHandle} as a column: trimmed, lower-case, no leading @. */
  public static Column normalisedHandle(Column handle) {
    return regexp_replace(lower(trim(handle)), "^@", "");
  }

  /** The pseudonym of a customer id column; null and blank stay null. */
  public Column customerColumn(Column customerId) {
    return keyed(trim(customerId), CUSTOMER_PREFIX);
  }

  public String author(String handle) {
    return pseudonym(BrandConfig.normaliseHandle(handle), AUTHOR_PREFIX);
  }

  public String customer(String customerId) {
    return pseudonym(customerId.trim(), CUSTOMER_PREFIX);
  }

  private Column keyed(Column normalised, String prefix) {
    Column inner = sha2(concat(lit(innerPad), encode(normalised, "UTF-8")), 256);
    Column outer = sha2(concat(lit(outerPad), unhex(inner)), 256);
    return when(normalised.isNull().or(normalised.equalTo("")), lit(null).cast("string"))
        .otherwise(concat(lit(prefix), substring(outer, 1, HEX_CHARS)));
  }

  /** Reference implementation with javax.crypto, for the driver and to check the column form. */
  String pseudonym(String normalised, String prefix) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      String hex = HexFormat.of().formatHex(mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8)));
      return prefix + hex.substring(0, HEX_CHARS);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
