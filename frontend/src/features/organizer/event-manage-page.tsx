export function EventManagePage() { return <p>EventManagePage</p> }
