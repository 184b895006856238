import { Link, isRouteErrorResponse, useRouteError } from 'react-router'
import { PageTitle } from '../components/ui'

export function NotFoundPage() {
  return (
    <div className="py-12">
      <PageTitle subtitle="There is no page at this address.">Page not found</PageTitle>
      <Link to="/" className="font-semibold text-brand-700 underline">
        Browse events
      </Link>
    </div>
  )
}

export function RouteError() {
  const error = useRouteError()
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : 'Unknown error'
  return (
    <main className="mx-auto max-w-2xl p-6">
      <PageTitle subtitle={message}>This page could not be shown</PageTitle>
      <p className="text-slate-700">
        If the app was just updated, reloading fetches the new version.{' '}
        <a href="/" className="font-semibold text-brand-700 underline">
          Back to events
        </a>
      </p>
    </main>
  )
}
