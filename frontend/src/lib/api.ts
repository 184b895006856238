import { authStore } from './auth-store'
import type { Problem } from './api-types'

/** An answer that is not 2xx, or no answer at all (status 0): carries the problem to show. */
export class ApiError extends Error {
  readonly status: number
  readonly problem: Problem
  readonly headers: Headers | null

  constructor(status: number, problem: Problem, headers: Headers | null = null) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`)
    this.name = 'ApiError'
    this.status = status
    this.problem = problem
    this.headers = headers
  }

  get fieldErrors(): Record<string, string> {
    return this.problem.errors ?? {}
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE'
  body?: unknown
  /** Send the session's bearer token (and drop the session when the API refuses it). */
  auth?: boolean
  headers?: Record<string, string>
  signal?: AbortSignal
}

export interface ApiResponse<T> {
  data: T
  headers: Headers
  status: number
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers }
  if (options.body !== undefined) headers['Content-Type'] = 'application/json'
  if (options.auth) {
    const token = authStore.validToken(0)
    if (!token) {
      authStore.expire()
      throw new ApiError(401, { title: 'Sign in needed', detail: 'Sign in with your wallet to continue.', status: 401 })
    }
    headers.Authorization = `Bearer ${token}`
  }
  let response: Response
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    })
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error
    throw new ApiError(0, {
      title: 'Echain cannot be reached',
      detail: 'Check your connection; the page retries when you try again.',
    })
  }
  const text = await response.text()
  let json: unknown = null
  if (text) {
    try {
      json = JSON.parse(text)
    } catch {
      json = null
    }
  }
  if (!response.ok) {
    const problem: Problem =
      json && typeof json === 'object' ? (json as Problem) : { title: `Request failed (HTTP ${response.status})` }
    if (response.status === 401 && options.auth) authStore.expire()
    throw new ApiError(response.status, { status: response.status, ...problem }, response.headers)
  }
  return { data: json as T, headers: response.headers, status: response.status }
}

export async function get<T>(path: string, options: Omit<RequestOptions, 'method' | 'body'> = {}): Promise<T> {
  return (await request<T>(path, options)).data
}

/** Builds a query string from the defined, non-empty values. */
export function query(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue
    search.set(key, String(value))
  }
  const text = search.toString()
  return text ? `?${text}` : ''
}
