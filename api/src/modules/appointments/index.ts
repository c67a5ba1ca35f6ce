/**
 * The appointments module's public surface: what other modules may import from it.
 * Opening hours, the national holiday calendar, slots, bookings, the waitlist, check-in and booking reports at the centres.
 * Everything else in this folder is the module's own.
 */
export { AppointmentsModule } from './appointments.module';
export { HolidayCalendar } from './holiday-calendar';
