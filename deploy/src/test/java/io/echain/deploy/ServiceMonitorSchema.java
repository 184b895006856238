package io.echain.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Strict check of a prometheus-operator ServiceMonitor (a custom resource, so not in the Kubernetes schema) with
 * fabric8's model generated from the operator's CRD: Jackson checks the types, and every field the model does not
 * know ends up in an {@code additionalProperties} map, which must stay empty everywhere in the object.
 */
final class ServiceMonitorSchema {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ServiceMonitorSchema() {
    }

    static List<String> errors(Map<String, Object> object) {
        List<String> errors = new ArrayList<>();
        try {
            ServiceMonitor monitor = MAPPER.convertValue(object, ServiceMonitor.class);
            walk("", monitor, errors, new IdentityHashMap<>());
        } catch (IllegalArgumentException e) {
            errors.add("ServiceMonitor: " + e.getMessage());
        }
        return errors;
    }

    private static void walk(String path, Object value, List<String> errors, Map<Object, Boolean> seen) {
        if (value == null || seen.put(value, true) != null) {
            return;
        }
        if (value instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                walk(path + "/" + i++, item, errors, seen);
            }
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object child;
            try {
                child = getter.invoke(value);
            } catch (ReflectiveOperationException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    errors.add("ServiceMonitor: " + (path.isEmpty() ? "/" : path) + " has unknown fields " + extra.keySet());
                }
            } else if (!(child instanceof Map<?, ?>)) {
                walk(path + "/" + decapitalize(getter.getName().substring(3)), child, errors, seen);
            }
        }
    }

    private static String decapitalize(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
