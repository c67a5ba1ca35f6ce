import { useState } from 'react';
import Taro from '@tarojs/taro';
import { addDays, shanghaiDateOf } from '@linli/shared';

import type { OutletCommunity, OutletView } from '@linli/shared';

import { choosePhoto, PhotoPickError } from '../../device/photos';
import { ApiError } from '../../services/api-error';
import { createOutlet, updateOutlet, uploadOutletPhoto } from '../../services/outlets';
import { PHOTO_MESSAGES } from '../../texts/photo-messages';
import { datedOf, emptyDatedDraft, newOutletForm, outletErrorsOf, outletFormOf, outletInputOf } from '../forms/outlet-form';

import type { DatedDraft, DatedDraftErrors, DayHoursForm, OutletForm, OutletFormErrors } from '../forms/outlet-form';
import type { SaveState } from './useScheduleEditor';

export interface OutletEditor {
  form: OutletForm;
  change: (patch: Partial<OutletForm>) => void;
  setDay: (day: DayHoursForm) => void;
  /** The dated entry being written, what is wrong with it, adding it to the list and taking one off. */
  draft: DatedDraft;
  setDraft: (draft: DatedDraft) => void;
  draftErrors: DatedDraftErrors;
  addDated: () => void;
  removeDated: (date: string) => void;
  /** The position of the chosen community's citizen centre, for an outlet whose exact spot is not known yet. */
  placeAtCommunity: () => void;
  /** WeChat's map picker (GCJ-02); it also fills an empty address. */
  pickOnMap: () => void;
  placeMessage: string | null;
  save: () => void;
  /** Problems by field (see OutletFormErrors); a field's message goes when it is changed. */
  errors: OutletFormErrors;
  /** `failed` carries one line for the save button: how many fields to correct, or what belongs to none. */
  saving: SaveState;
  /** The outlet as the API last answered (null for a new one not saved yet): its id, and when it was verified. */
  saved: OutletView | null;
  /** Camera or album, then the upload (a saved outlet only); the photo joins the list at once. */
  addPhoto: () => void;
  /** Takes a photo off the list; it goes (with its file) when the outlet is saved. */
  removePhoto: (photoUrl: string) => void;
  photoState: PhotoState;
}

export type PhotoState = { status: 'idle' } | { status: 'pending' } | { status: 'failed'; message: string };

/** A refused upload in words: the API's own (they are Chinese), a gateway's 413 as too large. */
function uploadProblem(error: ApiError): string {
  if (error.status === 413) return PHOTO_MESSAGES.TOO_LARGE;
  if (error.code === 'VALIDATION_FAILED' && Array.isArray(error.details)) {
    const first = (error.details as { message?: unknown }[])[0]?.message;
    if (typeof first === 'string') return first;
  }
  return error.message;
}

/**
 * Adding or changing one outlet: every field as typed, checked as a whole before anything is sent (each problem in
 * words); saving is staff confirming the details, so the API stamps it verified today. After the first save a new
 * outlet is edited like any other (its photos can then be added).
 */
export function useOutletEditor(outlet: OutletView | null, communities: OutletCommunity[], now: Date = new Date()): OutletEditor {
  const [saved, setSaved] = useState<OutletView | null>(outlet);
  const [form, setForm] = useState<OutletForm>(() => (outlet ? outletFormOf(outlet) : newOutletForm(communities[0] ?? null)));
  const [draft, setDraft] = useState<DatedDraft>(() => emptyDatedDraft(addDays(shanghaiDateOf(now), 1)));
  const [draftErrors, setDraftErrors] = useState<DatedDraftErrors>({});
  const [errors, setErrors] = useState<OutletFormErrors>({});
  const [placeMessage, setPlaceMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState<SaveState>({ status: 'idle' });
  const [photoState, setPhotoState] = useState<PhotoState>({ status: 'idle' });

  /** Drops the messages about what changed (they were about the old value) and those about the whole form. */
  const forget = (keys: (key: string) => boolean) => setErrors((current) => Object.fromEntries(Object.entries(current).filter(([key]) => key !== 'form' && !keys(key))));
  const change = (patch: Partial<OutletForm>) => {
    setForm((current) => ({ ...current, ...patch }));
    forget((key) => key in patch || (key === 'hours' && 'dated' in patch));
  };
  const setDay = (day: DayHoursForm) => {
    setForm((current) => ({ ...current, days: current.days.map((item) => (item.weekday === day.weekday ? day : item)) }));
    forget((key) => key === 'hours' || key.startsWith(`${day.weekday}.`));
  };

  const placeAtCommunity = () => {
    const community = communities.find((item) => item.id === form.regionId);
    if (community?.latitude == null || community.longitude == null) {
      setPlaceMessage('这个社区还没有市民中心的位置，请在地图上选或直接填写经纬度。');
      return;
    }
    setPlaceMessage(null);
    change({ latitude: String(community.latitude), longitude: String(community.longitude) });
  };

  const pickOnMap = () => {
    setPlaceMessage(null);
    const latitude = Number(form.latitude);
    const longitude = Number(form.longitude);
    const from = form.latitude && form.longitude && Number.isFinite(latitude) && Number.isFinite(longitude) ? { latitude, longitude } : {};
    Taro.chooseLocation(from).then(
      (picked) => {
        setForm((current) => ({
          ...current,
          latitude: String(picked.latitude),
          longitude: String(picked.longitude),
          address: current.address.trim() || picked.address || current.address,
        }));
        forget((key) => key === 'latitude' || key === 'longitude' || (key === 'address' && Boolean(picked.address)));
      },
      () => setPlaceMessage('没有选到位置，原来的位置没有改动。'),
    );
  };

  const addDated = () => {
    const { dated, errors: found } = datedOf(draft, form.dated);
    setDraftErrors(found);
    if (!dated) return;
    change({ dated: [...form.dated, dated].sort((a, b) => a.date.localeCompare(b.date)) });
    setDraft(emptyDatedDraft(draft.date));
  };

  const save = () => {
    if (saving.status === 'pending') return;
    const { input, errors: found } = outletInputOf(form);
    setErrors(found);
    if (!input) {
      setSaving({ status: 'failed', problems: [`有 ${Object.keys(found).length} 处需要改正，见上面红字`] });
      return;
    }
    setSaving({ status: 'pending' });
    (saved ? updateOutlet(saved.id, input) : createOutlet(input)).then(
      (answer) => {
        setSaved(answer);
        setForm(outletFormOf(answer));
        setSaving({ status: 'saved' });
      },
      (error: unknown) => {
        if (!(error instanceof ApiError)) throw error;
        const { form: general, ...byField } = outletErrorsOf(error, input);
        setErrors(byField);
        const count = Object.keys(byField).length;
        setSaving({ status: 'failed', problems: [general ?? `有 ${count} 处需要改正，见上面红字`] });
      },
    );
  };

  const addPhoto = () => {
    if (!saved || photoState.status === 'pending') return;
    const outletId = saved.id;
    choosePhoto().then(
      (filePath) => {
        if (!filePath) return;
        setPhotoState({ status: 'pending' });
        uploadOutletPhoto(outletId, filePath).then(
          (answer) => {
            // The new photo is the answer's last; what is being typed (and photos taken off, not saved yet) stays.
            const added = answer.photoUrls[answer.photoUrls.length - 1];
            setSaved(answer);
            setForm((current) => ({ ...current, photoUrls: [...current.photoUrls, added] }));
            setPhotoState({ status: 'idle' });
          },
          (error: unknown) => {
            if (!(error instanceof ApiError)) throw error;
            setPhotoState({ status: 'failed', message: uploadProblem(error) });
          },
        );
      },
      (error: unknown) => {
        if (!(error instanceof PhotoPickError)) throw error;
        setPhotoState({ status: 'failed', message: error.message });
      },
    );
  };

  return {
    form,
    change,
    setDay,
    draft,
    setDraft,
    draftErrors,
    addDated,
    removeDated: (date) => change({ dated: form.dated.filter((day) => day.date !== date) }),
    placeAtCommunity,
    pickOnMap,
    placeMessage,
    save,
    errors,
    saving,
    saved,
    addPhoto,
    removePhoto: (photoUrl) => change({ photoUrls: form.photoUrls.filter((url) => url !== photoUrl) }),
    photoState,
  };
}
