package io.echain.deploy;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1CronJob;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Strict validation of a Kubernetes object against the API schema, through the models of the official Kubernetes
 * Java client (generated from the Kubernetes OpenAPI document): {@code validateJsonElement} rejects unknown fields,
 * missing required fields and a scalar where an object or list belongs (and the reverse); the typed round trip
 * (parse into the model, write it back, compare with the input) then catches what the scalar check lets through,
 * such as a quoted number in an integer field or a number in a string field.
 */
final class KubernetesSchema {

    private static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/ConfigMap", V1ConfigMap.class),
            Map.entry("v1/Service", V1Service.class),
            Map.entry("v1/ServiceAccount", V1ServiceAccount.class),
            Map.entry("v1/PersistentVolumeClaim", V1PersistentVolumeClaim.class),
            Map.entry("apps/v1/Deployment", V1Deployment.class),
            Map.entry("batch/v1/CronJob", V1CronJob.class),
            Map.entry("networking.k8s.io/v1/Ingress", V1Ingress.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", V1NetworkPolicy.class),
            Map.entry("policy/v1/PodDisruptionBudget", V1PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", V2HorizontalPodAutoscaler.class));

    private static final JsonMapper JACKSON = JsonMapper.builder().build();

    private KubernetesSchema() {
    }

    /** The schema errors of one object (a YAML document parsed into maps and lists); empty when valid. */
    static List<String> errors(Map<String, Object> object) {
        String type = object.get("apiVersion") + "/" + object.get("kind");
        List<String> errors = new ArrayList<>();
        if ("monitoring.coreos.com/v1/ServiceMonitor".equals(type)) {
            errors.addAll(ServiceMonitorSchema.errors(object));
            return errors;
        }
        Class<?> model = MODELS.get(type);
        if (model == null) {
            return List.of(type + ": no schema known to this check; add its model to KubernetesSchema");
        }
        String json = JACKSON.writeValueAsString(object);
        JsonElement input = JsonParser.parseString(json);
        try {
            Method validate = model.getMethod("validateJsonElement", JsonElement.class);
            validate.invoke(null, input);
        } catch (java.lang.reflect.InvocationTargetException e) {
            return List.of(type + ": " + e.getCause().getMessage().replaceAll(" JSON: .*", ""));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        try {
            Object typed = JSON.deserialize(json, model);
            JsonElement output = JsonParser.parseString(JSON.serialize(typed));
            compare(type, "", input, output, errors);
        } catch (RuntimeException e) {
            errors.add(type + ": does not parse into " + model.getSimpleName() + ": " + e.getMessage());
        }
        return errors;
    }

    /** Every value of the input must come back unchanged from the typed model (numbers compared by value). */
    private static void compare(String type, String path, JsonElement in, JsonElement out, List<String> errors) {
        if (in.isJsonObject()) {
            if (out == null || !out.isJsonObject()) {
                errors.add(type + ": " + path + " should not be an object");
                return;
            }
            for (var entry : in.getAsJsonObject().entrySet()) {
                JsonElement back = out.getAsJsonObject().get(entry.getKey());
                if (back == null && !entry.getValue().isJsonNull()) {
                    errors.add(type + ": " + path + "/" + entry.getKey() + " is not a field of the schema");
                } else if (back != null) {
                    compare(type, path + "/" + entry.getKey(), entry.getValue(), back, errors);
                }
            }
        } else if (in.isJsonArray()) {
            if (out == null || !out.isJsonArray() || out.getAsJsonArray().size() != in.getAsJsonArray().size()) {
                errors.add(type + ": " + path + " should be a list");
                return;
            }
            for (int i = 0; i < in.getAsJsonArray().size(); i++) {
                compare(type, path + "/" + i, in.getAsJsonArray().get(i), out.getAsJsonArray().get(i), errors);
            }
        } else if (in.isJsonPrimitive()) {
            var a = in.getAsJsonPrimitive();
            var b = out == null || !out.isJsonPrimitive() ? null : out.getAsJsonPrimitive();
            boolean same = b != null && (a.isNumber() && b.isNumber()
                    ? new java.math.BigDecimal(a.getAsString()).compareTo(new java.math.BigDecimal(b.getAsString())) == 0
                    : a.isNumber() == b.isNumber() && a.isBoolean() == b.isBoolean()
                            && a.getAsString().equals(b.getAsString()));
            if (!same) {
                errors.add(type + ": " + path + " has the wrong type or format: " + a + " (the schema reads " + b + ")");
            }
        }
    }
}
