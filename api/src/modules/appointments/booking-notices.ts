import { Injectable } from '@nestjs/common';
import { bookingReminders, REMINDER_LEADS, type BookingEvent, type BookingStatus } from '@linli/shared';
import type { EntityManager } from 'typeorm';
import { OutboxService, type BookingMessage } from '../outbox';

const reminderKey = (bookingId: string, lead: (typeof REMINDER_LEADS)[number]) => `booking-reminder:${bookingId}:${lead}`;

/**
 * What a booking's person (and household) is told, written in the transaction of the change: confirmed, declined,
 * missed, and the reminders a day and an hour before, kept as scheduled outbox rows that a cancellation withdraws
 * and a reschedule moves (never in-memory timers).
 */
@Injectable()
export class BookingNotices {
  constructor(private readonly outbox: OutboxService) {}

  /** A new booking (booked, or promoted from the waitlist, which says so itself) and its reminders when confirmed. */
  async booked(manager: EntityManager, booking: BookingMessage, status: BookingStatus, now: Date, announce: boolean): Promise<void> {
    if (status !== 'confirmed') return;
    if (announce) await this.outbox.enqueue(manager, 'booking.confirmed', booking);
    await this.scheduleReminders(manager, booking, now);
  }

  /** After `event` moved the booking: approval confirms it; everything else ends its reminders. */
  async moved(manager: EntityManager, booking: BookingMessage, event: BookingEvent, now: Date): Promise<void> {
    if (event === 'approve') return this.booked(manager, booking, 'confirmed', now, true);
    if (event === 'decline') await this.outbox.enqueue(manager, 'booking.declined', booking);
    if (event === 'mark_no_show') await this.outbox.enqueue(manager, 'booking.no_show', booking);
    for (const lead of REMINDER_LEADS) await this.outbox.withdraw(manager, reminderKey(booking.bookingId, lead));
  }

  /** A booking moved to another slot: its reminders move with it (a confirmed booking's; one under review has none). */
  async rescheduled(manager: EntityManager, booking: BookingMessage, status: BookingStatus, now: Date): Promise<void> {
    if (status === 'confirmed') await this.scheduleReminders(manager, booking, now);
  }

  private async scheduleReminders(manager: EntityManager, booking: BookingMessage, now: Date): Promise<void> {
    const due = bookingReminders(new Date(booking.slotStartsAt), now);
    for (const lead of REMINDER_LEADS) {
      const reminder = due.find((candidate) => candidate.lead === lead);
      if (reminder) await this.outbox.schedule(manager, reminderKey(booking.bookingId, lead), 'booking.reminder', { ...booking, lead }, reminder.dueAt);
      else await this.outbox.withdraw(manager, reminderKey(booking.bookingId, lead));
    }
  }
}
