import { ApiError } from '../lib/api'
import { Alert } from './ui'
import type { ReactNode } from 'react'

/** Shows an API problem as its title and detail (field errors are shown next to their fields by forms). */
export function ProblemAlert({ error, action, fieldsShown = false }: { error: unknown; action?: ReactNode; fieldsShown?: boolean }) {
  if (!error) return null
  if (error instanceof ApiError) {
    const fields = Object.entries(error.fieldErrors)
    return (
      <Alert title={error.problem.title ?? 'Something went wrong'} action={action}>
        {error.problem.detail && <p>{error.problem.detail}</p>}
        {!fieldsShown && fields.length > 0 && (
          <ul className="mt-1 list-disc pl-5">
            {fields.map(([field, message]) => (
              <li key={field}>
                <span className="font-medium">{field}</span>: {message}
              </li>
            ))}
          </ul>
        )}
      </Alert>
    )
  }
  const message = error instanceof Error ? error.message : String(error)
  return (
    <Alert title="Something went wrong" action={action}>
      <p>{message}</p>
    </Alert>
  )
}
