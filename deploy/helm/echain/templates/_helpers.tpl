{{/* Name of the release's objects: <release>-echain, or the release name when it already says echain. */}}
{{- define "echain.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "echain.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "echain.labels" -}}
{{ include "echain.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{- define "echain.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "echain.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* repository@digest when a digest is given, else repository:tag. */}}
{{- define "echain.imageRef" -}}
{{- if .digest -}}
{{- printf "%s@%s" .repository .digest -}}
{{- else -}}
{{- printf "%s:%s" .repository .tag -}}
{{- end -}}
{{- end -}}

{{- define "echain.secretName" -}}
{{- required "secret.name: name the Secret that holds ECHAIN_DB_PASSWORD, ECHAIN_JWT_SECRET, ECHAIN_OPERATOR_KEY and ECHAIN_RPC_URL" .Values.secret.name -}}
{{- end -}}

{{/* Fails the render when requireDigests is on and an image has no digest. Call with (list $ .Values.x.image "name"). */}}
{{- define "echain.requireDigest" -}}
{{- $root := index . 0 -}}{{- $image := index . 1 -}}{{- $what := index . 2 -}}
{{- if and $root.Values.requireDigests (not $image.digest) -}}
{{- fail (printf "requireDigests: %s has no digest; set %s.digest=sha256:..." $what $what) -}}
{{- end -}}
{{- end -}}
