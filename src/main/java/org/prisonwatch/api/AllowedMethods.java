package org.prisonwatch.api;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Singleton;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The methods each path answers, read once from the resource classes, for the Allow header that a 405 must carry
 * (RFC 9110, 15.5.6) and that an OPTIONS answer should carry. Quarkus sends neither right: no Allow on its 405, and
 * every method there is on OPTIONS, whatever the path.
 */
@Singleton
public class AllowedMethods {

    private final List<Route> routes;

    AllowedMethods(BeanManager beans) {
        Map<String, Set<String>> methodsByTemplate = new HashMap<>();
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            Path root = bean.getBeanClass().getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            for (Method method : bean.getBeanClass().getMethods()) {
                String verb = httpMethod(method);
                if (verb != null) {
                    Path sub = method.getAnnotation(Path.class);
                    methodsByTemplate.computeIfAbsent(join(root.value(), sub == null ? "" : sub.value()),
                            template -> new TreeSet<>()).add(verb);
                }
            }
        }
        List<Route> found = new ArrayList<>();
        methodsByTemplate.forEach((template, methods) -> found.add(Route.of(template, methods)));
        // JAX-RS prefers the template with the most literal characters, then the most variables
        // (jakarta.ws.rs 3.1, section 3.7.2); the template itself only makes the order the same every start
        found.sort(Comparator.comparingInt(Route::literalCharacters).reversed()
                .thenComparing(Comparator.comparingInt(Route::variables).reversed())
                .thenComparing(Route::template));
        this.routes = List.copyOf(found);
    }

    /** The Allow header's value for a request path, or null when no resource answers it. */
    public String forPath(String path) {
        for (Route route : routes) {
            if (route.pattern.matcher(path).matches()) {
                Set<String> methods = new TreeSet<>(route.methods);
                if (methods.contains(HttpMethod.GET)) {
                    methods.add(HttpMethod.HEAD);
                }
                methods.add(HttpMethod.OPTIONS);
                return String.join(", ", methods);
            }
        }
        return null;
    }

    /**
     * Matched against the path as sent (JAX-RS matched %2F in a segment as part of it, not as a slash). OPTIONS on
     * a path no resource answers is a 404, as any other method there is: Quarkus would list every method.
     */
    @ServerResponseFilter
    public void allow(ContainerRequestContext request, ContainerResponseContext response) {
        boolean options = HttpMethod.OPTIONS.equals(request.getMethod()) && response.getStatus() == 200;
        if (response.getStatus() != 405 && !options) {
            return;
        }
        String allow = forPath(request.getUriInfo().getRequestUri().getRawPath());
        if (allow != null) {
            response.getHeaders().putSingle("Allow", allow);
        } else if (options) {
            response.getHeaders().remove("Allow");
            response.setStatus(404);
            response.setEntity(new Problem(ProblemType.NOT_FOUND.uri(), ProblemType.NOT_FOUND.title(), 404,
                    ProblemType.NOT_FOUND.title(), request.getUriInfo().getRequestUri().getRawPath(), null, null),
                    null, MediaType.valueOf(Problem.MEDIA_TYPE));
        }
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    private static String join(String root, String sub) {
        String path = "/" + root + "/" + sub;
        return path.replaceAll("/+", "/").replaceAll("(.)/$", "$1");
    }

    private record Route(String template, Pattern pattern, int literalCharacters, int variables, Set<String> methods) {

        /** {name} matches one segment; {name: regex} matches the regex, which may hold braces of its own. */
        static Route of(String template, Set<String> methods) {
            StringBuilder regex = new StringBuilder();
            int literals = 0;
            int variables = 0;
            int i = 0;
            while (i < template.length()) {
                char c = template.charAt(i);
                if (c != '{') {
                    regex.append(Pattern.quote(String.valueOf(c)));
                    literals++;
                    i++;
                    continue;
                }
                int depth = 1;
                int end = i + 1;
                while (depth > 0) {
                    char d = template.charAt(end++);
                    depth += d == '{' ? 1 : d == '}' ? -1 : 0;
                }
                String variable = template.substring(i + 1, end - 1);
                int colon = variable.indexOf(':');
                regex.append('(').append(colon < 0 ? "[^/]+" : variable.substring(colon + 1).strip()).append(')');
                variables++;
                i = end;
            }
            return new Route(template, Pattern.compile(regex + "/?"), literals, variables, methods);
        }
    }
}
