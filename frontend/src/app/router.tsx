import { createBrowserRouter } from 'react-router'
import { EventsPage } from '../features/events/events-page'
import { Layout } from './layout'
import { NotFoundPage, RouteError } from './not-found'
import { Loading } from '../components/ui'

/** Only the events list is in the first bundle; every other page, and the wallet code, loads on demand. */
export const router = createBrowserRouter([
  {
    path: '/',
    element: <Layout />,
    errorElement: <RouteError />,
    hydrateFallbackElement: <Loading />,
    children: [
      { index: true, element: <EventsPage /> },
      { path: 'events/:id', lazy: async () => ({ Component: (await import('../features/event/event-page')).EventPage }) },
      { path: 'tickets', lazy: async () => ({ Component: (await import('../features/tickets/my-tickets-page')).MyTicketsPage }) },
      { path: 'tickets/:tokenId', lazy: async () => ({ Component: (await import('../features/tickets/show-ticket-page')).ShowTicketPage }) },
      { path: 'door', lazy: async () => ({ Component: (await import('../features/door/door-page')).DoorPage }) },
      { path: 'door/:eventId', lazy: async () => ({ Component: (await import('../features/door/scanner-page')).ScannerPage }) },
      { path: 'organizer', lazy: async () => ({ Component: (await import('../features/organizer/dashboard-page')).DashboardPage }) },
      { path: 'organizer/new', lazy: async () => ({ Component: (await import('../features/organizer/event-editor-page')).NewEventPage }) },
      { path: 'organizer/events/:id', lazy: async () => ({ Component: (await import('../features/organizer/event-manage-page')).EventManagePage }) },
      { path: 'admin', lazy: async () => ({ Component: (await import('../features/admin/admin-page')).AdminPage }) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
])
