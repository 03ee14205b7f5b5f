package io.luister.common.taxonomy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.luister.common.config.ConfigException;
import io.luister.common.config.SourceType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates a taxonomy file. Like the program config, every problem is reported at once with
 * the category and key it concerns.
 */
public final class TaxonomyLoader {
  static final Set<String> CATEGORY_KEYS = Set.of("id", "label", "description", "parent", "native", "rules",
      "owner", "influence");
  static final Set<String> RULE_KEYS = Set.of("include", "exclude");
  static final Set<String> LANGUAGES = Set.of("nl", "en");

  private TaxonomyLoader() {}

  /**
   * @param sourceNames the program's source names: native mappings may be keyed by a source name as well
   *     as by a source type
   */
  public static Taxonomy load(Path file, Set<String> sourceNames) {
    JsonNode root;
    try {
      root = new YAMLMapper().readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw new ConfigException(file.toString(), List.of("it is not valid YAML: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")")));
    } catch (IOException e) {
      throw new ConfigException(file.toString(), List.of("it cannot be read: " + e.getMessage()));
    }
    List<String> problems = new ArrayList<>();
    List<Category> categories = new ArrayList<>();
    JsonNode list = root == null ? null : root.get("categories");
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw new ConfigException(file.toString(), List.of("it must have a non-empty list 'categories'"));
    }
    Set<String> channels = new HashSet<>(sourceNames);
    for (SourceType t : SourceType.values()) {
      channels.add(t.configName());
    }
    for (int i = 0; i < list.size(); i++) {
      Category c = category(list.get(i), "categories[" + i + "]", channels, problems);
      if (c != null) {
        categories.add(c);
      }
    }
    checkReferences(categories, problems);
    if (!problems.isEmpty()) {
      throw new ConfigException(file.toString(), problems);
    }
    return new Taxonomy(categories);
  }

  private static Category category(JsonNode node, String where, Set<String> channels, List<String> problems) {
    if (!node.isObject()) {
      problems.add(where + ": must be a mapping with id, label, native and rules");
      return null;
    }
    unknownKeys(node, CATEGORY_KEYS, where, problems);
    String id = node.hasNonNull("id") ? node.get("id").asText() : null;
    if (id == null || !id.matches("[a-z][a-z0-9_]{0,62}")) {
      problems.add(where + ".id: " + (id == null ? "is missing" : "'" + id + "' must be lower-case letters, digits and _"));
      return null;
    }
    String at = "category '" + id + "'";
    if (id.equals(Taxonomy.UNCLASSIFIED)) {
      problems.add(at + ": '" + Taxonomy.UNCLASSIFIED + "' is reserved for what no rule places");
    }
    Map<String, String> labels = new LinkedHashMap<>();
    JsonNode label = node.get("label");
    if (label == null || !label.isObject() || !label.hasNonNull("en") || !label.hasNonNull("nl")) {
      problems.add(at + ".label: give the label in English and Dutch, e.g. label: {en: Billing, nl: Facturen}");
    } else {
      label.fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
    }
    String description = node.hasNonNull("description") ? node.get("description").asText() : "";
    String parent = node.hasNonNull("parent") ? node.get("parent").asText() : null;
    Map<String, List<String>> nativeMappings = new LinkedHashMap<>();
    JsonNode nat = node.get("native");
    if (nat != null && !nat.isNull()) {
      if (!nat.isObject()) {
        problems.add(at + ".native: must map channels (contact, survey, web_pageviews, web_search, social or a source name) to lists");
      } else {
        nat.fields().forEachRemaining(e -> {
          if (!channels.contains(e.getKey())) {
            problems.add(at + ".native: '" + e.getKey() + "' is neither a source type (" + SourceType.allConfigNames()
                + ") nor a source of the program");
          }
          nativeMappings.put(e.getKey(), strings(e.getValue(), at + ".native." + e.getKey(), problems));
        });
      }
    }
    Map<String, List<String>> include = new LinkedHashMap<>();
    Map<String, List<String>> exclude = new LinkedHashMap<>();
    JsonNode rules = node.get("rules");
    if (rules != null && !rules.isNull()) {
      unknownKeys(rules, RULE_KEYS, at + ".rules", problems);
      include = byLanguage(rules.get("include"), at + ".rules.include", problems);
      exclude = byLanguage(rules.get("exclude"), at + ".rules.exclude", problems);
    }
    String owner = null;
    JsonNode ownerNode = node.get("owner");
    if (ownerNode != null && !ownerNode.isNull()) {
      if (!ownerNode.isValueNode() || ownerNode.asText().isBlank()) {
        problems.add(at + ".owner: must be a non-empty text naming who acts on the category, e.g. owner: Billing team");
      } else {
        owner = ownerNode.asText().strip();
      }
    }
    String influence = Category.UNKNOWN_INFLUENCE;
    JsonNode influenceNode = node.get("influence");
    if (influenceNode != null && !influenceNode.isNull()) {
      String value = influenceNode.isValueNode() ? influenceNode.asText().strip().toLowerCase(Locale.ROOT) : null;
      // YAML 1.1 reads an unquoted yes/no as a boolean; Jackson gives it back as true/false.
      if (influenceNode.isBoolean()) {
        value = influenceNode.asBoolean() ? "yes" : "no";
      }
      if (value == null || !Category.INFLUENCE_VALUES.contains(value)) {
        problems.add(at + ".influence: '" + (influenceNode.isValueNode() ? influenceNode.asText() : influenceNode)
            + "' is not allowed; use one of " + String.join(", ", Category.INFLUENCE_VALUES)
            + " (can the company change what customers say about it?)");
      } else {
        influence = value;
      }
    }
    return new Category(id, labels, description, parent, nativeMappings, include, exclude, owner, influence);
  }

  private static Map<String, List<String>> byLanguage(JsonNode node, String where, List<String> problems) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isObject()) {
      problems.add(where + ": must map a language (nl, en) to a list of words or phrases");
      return out;
    }
    node.fields().forEachRemaining(e -> {
      if (!LANGUAGES.contains(e.getKey())) {
        problems.add(where + ": '" + e.getKey() + "' is not a supported language; use nl or en");
      }
      out.put(e.getKey(), strings(e.getValue(), where + "." + e.getKey(), problems));
    });
    return out;
  }

  private static void checkReferences(List<Category> categories, List<String> problems) {
    Map<String, Category> byId = new HashMap<>();
    for (Category c : categories) {
      if (byId.put(c.id(), c) != null) {
        problems.add("category '" + c.id() + "': the id is used twice");
      }
    }
    Map<String, String> exactOwner = new HashMap<>();
    for (Category c : categories) {
      if (c.parent() != null) {
        Category parent = byId.get(c.parent());
        if (parent == null) {
          problems.add("category '" + c.id() + "'.parent: no category has the id '" + c.parent() + "'");
        } else if (parent.parent() != null) {
          problems.add("category '" + c.id() + "'.parent: '" + c.parent() + "' has a parent itself; categories have two levels at most");
        }
      }
      c.nativeMappings().forEach((channel, values) -> {
        for (String v : values) {
          String key = channel + "|" + v.toLowerCase(Locale.ROOT);
          String previous = exactOwner.put(key, c.id());
          if (previous != null && !previous.equals(c.id())) {
            problems.add("category '" + c.id() + "'.native." + channel + ": '" + v + "' is also mapped to '" + previous
                + "'; a native value can mean one category only");
          }
        }
      });
    }
  }

  private static List<String> strings(JsonNode node, String where, List<String> problems) {
    List<String> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isArray()) {
      problems.add(where + ": must be a list, e.g. [a, b]");
      return out;
    }
    for (JsonNode item : node) {
      if (!item.isValueNode() || item.asText().isBlank()) {
        problems.add(where + ": every entry must be a non-empty text");
      } else {
        out.add(item.asText());
      }
    }
    return List.copyOf(out);
  }

  private static void unknownKeys(JsonNode node, Set<String> known, String where, List<String> problems) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String key = names.next();
      if (!known.contains(key)) {
        problems.add(where + ": unknown key '" + key + "'; known keys are " + known.stream().sorted().toList());
      }
    }
  }
}
