import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Link, useNavigate } from 'react-router'
import { PageTitle } from '../../components/ui'
import { SignInGate } from '../../lib/wallet/sign-in-gate'
import { useSignIn } from '../../lib/wallet/use-session-guard'
import { WalletScope } from '../../lib/wallet/wallet-scope'
import { createEvent } from './api'
import { EventForm, formValues } from './event-form'

export function NewEventPage() {
  return (
    <div className="mx-auto max-w-3xl">
      <Link to="/organizer" className="text-sm font-semibold text-brand-700 hover:underline">
        ← Organizer dashboard
      </Link>
      <PageTitle subtitle="Published at once; the platform registers it on chain, then tickets go on sale.">New event</PageTitle>
      <WalletScope>
        <SignInGate role="ORGANIZER" what="the organizer tools">
          <Create />
        </SignInGate>
      </WalletScope>
    </div>
  )
}

function Create() {
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const { ensureSignedIn } = useSignIn()
  const [error, setError] = useState<unknown>(null)
  return (
    <div className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <EventForm
        initial={formValues()}
        editing={false}
        submitLabel="Publish event"
        error={error}
        onSubmit={async (body) => {
          setError(null)
          try {
            await ensureSignedIn()
            const created = await createEvent(body)
            void queryClient.invalidateQueries({ queryKey: ['organizer'] })
            navigate(`/organizer/events/${created.data.id}`, { state: { created: true } })
          } catch (e) {
            setError(e)
          }
        }}
      />
    </div>
  )
}
