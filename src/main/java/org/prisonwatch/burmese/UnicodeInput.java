package org.prisonwatch.burmese;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A write's input with every text typed in Zawgyi converted to Unicode, wherever it sits (a title, a name in a
 * list, a citation's note), and the originals of what conversion changed.
 *
 * @param input what is stored: Unicode throughout
 * @param originals the texts as typed, by the pointer of their conversion
 */
public record UnicodeInput<I>(I input, ZawgyiOriginals originals) {

    /** Fields kept as typed: a link points where it was typed, whatever script its path is in. */
    private static final Set<String> AS_TYPED = Set.of("url");

    public static <I> UnicodeInput<I> of(ObjectMapper mapper, I input, Class<I> type) {
        JsonNode tree = mapper.valueToTree(input);
        SortedMap<String, String> originals = new TreeMap<>();
        convert(tree, "", originals);
        return originals.isEmpty() ? new UnicodeInput<>(input, ZawgyiOriginals.none())
                : new UnicodeInput<>(mapper.convertValue(tree, type), ZawgyiOriginals.of(originals));
    }

    /** The same originals over an input derived from this one by changes that convert nothing. */
    public UnicodeInput<I> withInput(I derived) {
        return new UnicodeInput<>(derived, originals);
    }

    /**
     * Converts the text inside a node, noting the originals; for a text node, returns its Unicode when it held
     * Zawgyi (its parent puts it in its place), else null.
     */
    private static String convert(JsonNode node, String pointer, SortedMap<String, String> originals) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!AS_TYPED.contains(field.getKey())) {
                    String at = pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
                    String unicode = convert(field.getValue(), at, originals);
                    if (unicode != null) {
                        field.setValue(TextNode.valueOf(unicode));
                    }
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                String unicode = convert(array.get(i), pointer + "/" + i, originals);
                if (unicode != null) {
                    array.set(i, TextNode.valueOf(unicode));
                }
            }
        }
        if (!node.isTextual()) {
            return null;
        }
        String typed = node.textValue();
        String unicode = Zawgyi.toUnicode(typed);
        if (unicode.equals(typed)) {
            return null;
        }
        originals.put(pointer, typed);
        return unicode;
    }
}
