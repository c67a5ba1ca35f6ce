import Taro from '@tarojs/taro';
import { useState } from 'react';

/** Where the resident pointed on the map (GCJ-02, as WeChat's map picker gives it), with the name it showed. */
export interface ChosenPlace {
  latitude: number;
  longitude: number;
  name: string;
}

export interface MapPointHandle {
  place: ChosenPlace | null;
  /** Why nothing was chosen (the picker was closed or refused), said kindly: choosing is optional. */
  message: string | null;
  /** Opens WeChat's map picker; `picked` receives the place's address too, for forms that fill an empty address from it. */
  choose: (picked?: (address: string) => void) => void;
}

/**
 * An optional point on the map for a visit or a delivery: the home-visit form and the meal order form both offer it, so
 * the worker can navigate to the door and the canteen can check its delivery radius. `missedMessage` is what the form
 * says when the picker gives nothing (it goes on without a point).
 */
export function useMapPoint(missedMessage: string): MapPointHandle {
  const [place, setPlace] = useState<ChosenPlace | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const choose = (picked?: (address: string) => void) => {
    setMessage(null);
    Taro.chooseLocation({}).then(
      (chosen) => {
        setPlace({ latitude: chosen.latitude, longitude: chosen.longitude, name: chosen.name || chosen.address });
        if (picked && chosen.address) picked(`${chosen.address}${chosen.name ? ` ${chosen.name}` : ''}`);
      },
      () => setMessage(missedMessage),
    );
  };
  return { place, message, choose };
}

/** The coordinates a request carries for a chosen place: both or neither. */
export function placeCoordinates(place: ChosenPlace | null): { latitude: number; longitude: number } | Record<string, never> {
  return place ? { latitude: place.latitude, longitude: place.longitude } : {};
}
