package dev.verdict.sandbox.deploy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The configuration keys a {@link ConfigMapping} interface declares, read by reflection as SmallRye
 * names them (kebab-case, {@link WithName}, nested interfaces as sub-keys, maps as {@code *}), and the
 * environment variable names that set them.
 */
final class ConfigKeys {

  private final List<String> keys = new ArrayList<>();

  ConfigKeys(Class<?> mapping) {
    walk(mapping, mapping.getAnnotation(ConfigMapping.class).prefix());
  }

  List<String> keys() {
    return keys;
  }

  /** Whether an environment variable sets one of the keys (SmallRye: upper case, other characters as _). */
  boolean setByEnv(String env) {
    return keys.stream().anyMatch(k -> envPattern(k).matcher(env).matches());
  }

  private static Pattern envPattern(String key) {
    StringBuilder re = new StringBuilder();
    for (String part : key.split("\\*", -1)) {
      if (!re.isEmpty()) {
        re.append("[A-Z0-9_]+");
      }
      re.append(Pattern.quote(part.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_")));
    }
    return Pattern.compile(re.toString());
  }

  private void walk(Class<?> type, String prefix) {
    for (Method m : type.getDeclaredMethods()) {
      if (m.isDefault() || m.isSynthetic() || m.getParameterCount() > 0) {
        continue;
      }
      WithName name = m.getAnnotation(WithName.class);
      String key = prefix + "." + (name != null ? name.value() : kebab(m.getName()));
      Type generic = m.getGenericReturnType();
      if (m.getReturnType() == java.util.Map.class) {
        leafOrGroup(((ParameterizedType) generic).getActualTypeArguments()[1], key + ".*");
      } else {
        leafOrGroup(m.getReturnType(), key);
      }
    }
  }

  private void leafOrGroup(Type type, String key) {
    if (type instanceof Class<?> c && c.isInterface() && c.getName().contains("$")) {
      walk(c, key);
    } else {
      keys.add(key);
    }
  }

  private static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }
}
