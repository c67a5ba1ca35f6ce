/**
 * WeChat Pay as the mini program sees it. The API creates the JSAPI order and signs these parameters; the mini program
 * passes them unchanged to wx.requestPayment. Whether the order is paid is decided by WeChat Pay's signed notification
 * (or the API's query), never by the mini program's success callback.
 */
export interface WechatPayRequest {
  appId: string;
  timeStamp: string;
  nonceStr: string;
  /** `prepay_id=…` */
  package: string;
  signType: 'RSA';
  paySign: string;
}
